import Dispatch
#if canImport(Glibc)
import Glibc
#endif

/// How remote inputs are fetched: the cap on concurrent transfers in this process, the timeouts and retries, and
/// S3's credentials, region and endpoint, read from the environment as the AWS tools read them.
public struct RemoteOptions: Sendable {
    /// Transfers open at once in this process; a job that would open one more waits.
    public var maxTransfers: Int { slots.count }
    /// Seconds to connect.
    public var connectTimeout = 10.0
    /// Seconds without a byte, while the reader waits, after which a transfer is abandoned and resumed.
    public var idleTimeout = Self.defaults.idleTimeout
    /// Failed requests in a row (without a byte of progress between them) after which a file is given up.
    public var retries = Self.defaults.retries
    /// The defaults of the command-line options.
    public static let defaults = (maxTransfers: 8, idleTimeout: 30.0, retries: 20)
    /// S3 credentials (`AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`, `AWS_SESSION_TOKEN`); nil sends S3 requests
    /// unsigned.
    var credentials: SigV4.Credentials?
    /// `AWS_REGION`, else `AWS_DEFAULT_REGION`, else us-east-1.
    var region: String
    /// `AWS_ENDPOINT_URL_S3`, else `AWS_ENDPOINT_URL`: an S3-compatible store, addressed by path.
    var endpoint: String?
    let slots: TransferSlots

    /// Options with `maxTransfers` slots, and S3's settings from `environment` (the process's by default);
    /// `signRequests: false` sends S3 requests unsigned whatever the credentials (`--no-sign-request`).
    public init(maxTransfers: Int = Self.defaults.maxTransfers, signRequests: Bool = true,
                environment: (String) -> String? = { getenv($0).map { String(cString: $0) } }) {
        slots = TransferSlots(max(1, maxTransfers))
        func value(_ name: String) -> String? { environment(name).flatMap { $0.isEmpty ? nil : $0 } }
        if signRequests, let access = value("AWS_ACCESS_KEY_ID"), let secret = value("AWS_SECRET_ACCESS_KEY") {
            credentials = SigV4.Credentials(accessKey: access, secretKey: secret, sessionToken: value("AWS_SESSION_TOKEN"))
        }
        region = value("AWS_REGION") ?? value("AWS_DEFAULT_REGION") ?? "us-east-1"
        endpoint = value("AWS_ENDPOINT_URL_S3") ?? value("AWS_ENDPOINT_URL")
    }

    /// The user agent sent with every request.
    static let userAgent = "kuroshio/\(KuroshioVersion.current) (corpus builder)"
}

/// The process's transfer slots: a counting semaphore shared by every job.
final class TransferSlots: Sendable {
    let count: Int
    private let semaphore: DispatchSemaphore

    init(_ count: Int) {
        self.count = count
        semaphore = DispatchSemaphore(value: count)
    }

    func take() { semaphore.wait() }
    func give() { semaphore.signal() }
}
