/// Where a remote input lives: an `http://` or `https://` URL as it is, or `s3://bucket/key`, which becomes a request
/// to the S3 endpoint (`AWS_ENDPOINT_URL_S3` or `AWS_ENDPOINT_URL`, addressed by path, else AWS's own host for the
/// bucket) signed with SigV4 when there are credentials.
public struct RemoteLocation: Sendable, Equatable {
    /// The input as given: the name it has in markers, shards and problems.
    var name: String
    /// The URL requested.
    var url: String
    /// For S3: the `Host` header and the path (percent-encoded) that the signature covers.
    var signedHost: String?
    var signedPath: String?
    /// For S3: the object's key, which errors name.
    var key: String?

    /// Whether `input` names a remote object rather than a local path.
    public static func isRemote(_ input: String) -> Bool {
        let lower = input.prefix(8).lowercased()
        return lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("s3://")
    }

    /// The location `input` names, or nil when it is a local path or an S3 URL without a key.
    public init?(_ input: String, options: RemoteOptions) {
        guard Self.isRemote(input) else { return nil }
        name = input
        guard input.prefix(5).lowercased() == "s3://" else {
            url = input
            return
        }
        let rest = input.dropFirst(5)
        guard let slash = rest.firstIndex(of: "/"), slash > rest.startIndex, rest.index(after: slash) < rest.endIndex else { return nil }
        let bucket = String(rest[..<slash]), key = String(rest[rest.index(after: slash)...])
        let encodedKey = key.split(separator: "/", omittingEmptySubsequences: false).map { SigV4.encode(String($0)) }
            .joined(separator: "/")
        self.key = key
        if let endpoint = options.endpoint {
            let base = endpoint.hasSuffix("/") ? String(endpoint.dropLast()) : endpoint
            url = "\(base)/\(SigV4.encode(bucket))/\(encodedKey)"
            signedHost = Self.authority(of: base)
            signedPath = "/\(SigV4.encode(bucket))/\(encodedKey)"
        } else {
            // Buckets with dots do not match AWS's wildcard certificate as a host name: they go by path.
            let virtual = !bucket.contains(".")
            let host = virtual ? "\(bucket).s3.\(options.region).amazonaws.com" : "s3.\(options.region).amazonaws.com"
            signedHost = host
            signedPath = virtual ? "/\(encodedKey)" : "/\(SigV4.encode(bucket))/\(encodedKey)"
            url = "https://\(host)\(signedPath!)"
        }
    }

    /// The headers that sign a request at `seconds` since 1970, when this is S3 and there are credentials.
    func signature(method: String, seconds: Int, options: RemoteOptions) -> [(String, String)] {
        guard let signedHost, let signedPath, let credentials = options.credentials else { return [] }
        let signer = SigV4(credentials: credentials, region: options.region)
        return [("Host", signedHost)]
            + signer.sign(method: method, path: signedPath, headers: [("host", signedHost)], seconds: seconds)
    }

    /// `host[:port]` of a URL.
    static func authority(of url: String) -> String {
        let afterScheme = url.firstRange(of: "://").map { url[$0.upperBound...] } ?? url[...]
        return String(afterScheme.prefix { $0 != "/" && $0 != "?" && $0 != "#" })
    }
}
