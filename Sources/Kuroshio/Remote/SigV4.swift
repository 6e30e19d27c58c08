#if canImport(Glibc)
import Glibc
#endif

/// AWS Signature Version 4 for S3 requests: the headers that sign a GET or HEAD, with the payload unsigned by its
/// empty hash. Credentials come from the usual environment variables; S3-compatible stores take the same signature.
struct SigV4: Sendable {
    struct Credentials: Sendable, Equatable {
        var accessKey: String
        var secretKey: String
        var sessionToken: String?

        /// `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY` and `AWS_SESSION_TOKEN` from `environment`; nil without a key
        /// pair (requests then go unsigned).
        init?(environment: [String: String]) {
            guard let access = environment["AWS_ACCESS_KEY_ID"], !access.isEmpty,
                  let secret = environment["AWS_SECRET_ACCESS_KEY"], !secret.isEmpty else { return nil }
            self.init(accessKey: access, secretKey: secret, sessionToken: environment["AWS_SESSION_TOKEN"].flatMap { $0.isEmpty ? nil : $0 })
        }

        init(accessKey: String, secretKey: String, sessionToken: String? = nil) {
            (self.accessKey, self.secretKey, self.sessionToken) = (accessKey, secretKey, sessionToken)
        }
    }

    var credentials: Credentials
    var region: String
    var service = "s3"

    /// The SHA-256 of an empty payload, which a GET or HEAD sends.
    static let emptyPayloadHash = SHA256.hex(SHA256.hash([]))

    /// The headers to add to a request at `seconds` since 1970: `x-amz-date`, `x-amz-content-sha256`,
    /// `x-amz-security-token` with a session token, and `Authorization`. `path` is the URL's path as sent (already
    /// percent-encoded), `query` its parameters decoded, and `headers` the others it sends (`Host` among them).
    func sign(method: String, path: String, query: [(String, String)] = [], headers: [(String, String)],
              seconds: Int) -> [(String, String)] {
        let time = Self.timestamp(seconds), day = String(time.prefix(8))
        var added = [("x-amz-date", time), ("x-amz-content-sha256", Self.emptyPayloadHash)]
        if let token = credentials.sessionToken { added.append(("x-amz-security-token", token)) }
        let signed = (headers + added).map { (name: $0.0.lowercased(), value: Self.trimmed($0.1)) }.sorted { $0.name < $1.name }
        let names = signed.map(\.name).joined(separator: ";")
        let canonical = [
            method,
            path.isEmpty ? "/" : path,
            query.map { (Self.encode($0.0), Self.encode($0.1)) }.sorted { $0 < $1 }.map { "\($0.0)=\($0.1)" }.joined(separator: "&"),
            signed.map { "\($0.name):\($0.value)\n" }.joined(),
            names,
            Self.emptyPayloadHash,
        ].joined(separator: "\n")
        let scope = "\(day)/\(region)/\(service)/aws4_request"
        let toSign = "AWS4-HMAC-SHA256\n\(time)\n\(scope)\n" + SHA256.hex(SHA256.hash(Array(canonical.utf8)))
        var key = Array("AWS4\(credentials.secretKey)".utf8)
        for part in [day, region, service, "aws4_request"] { key = SHA256.hmac(key: key, Array(part.utf8)) }
        let signature = SHA256.hex(SHA256.hmac(key: key, Array(toSign.utf8)))
        return added + [("Authorization", "AWS4-HMAC-SHA256 Credential=\(credentials.accessKey)/\(scope), "
            + "SignedHeaders=\(names), Signature=\(signature)")]
    }

    /// `20130524T000000Z`.
    static func timestamp(_ seconds: Int) -> String {
        var time = time_t(seconds)
        var parts = tm()
        gmtime_r(&time, &parts)
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(parts.tm_year + 1900)\(two(parts.tm_mon + 1))\(two(parts.tm_mday))T\(two(parts.tm_hour))\(two(parts.tm_min))\(two(parts.tm_sec))Z"
    }

    /// Percent-encoding as SigV4 wants it: every byte but `A–Z a–z 0–9 - _ . ~` as `%XX`.
    static func encode(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case 0x41...0x5A, 0x61...0x7A, 0x30...0x39, 0x2D, 0x5F, 0x2E, 0x7E: out.unicodeScalars.append(Unicode.Scalar(byte))
            default: out += "%" + String(byte >> 4, radix: 16, uppercase: true) + String(byte & 15, radix: 16, uppercase: true)
            }
        }
        return out
    }

    /// A header value with its ends trimmed and inner runs of spaces made one.
    private static func trimmed(_ value: String) -> String {
        value.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
    }
}
