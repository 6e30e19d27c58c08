import Testing
@testable import Kuroshio

@Suite struct RemoteLocationTests {
    static func options(_ environment: [String: String]) -> RemoteOptions { RemoteOptions(environment: { environment[$0] }) }

    @Test func httpURLsAreRequestedAsTheyAre() {
        let location = RemoteLocation("https://data.commoncrawl.org/crawl-data/a.warc.gz", options: Self.options([:]))
        #expect(location?.url == "https://data.commoncrawl.org/crawl-data/a.warc.gz" && location?.signedHost == nil)
        #expect(RemoteLocation.isRemote("HTTP://x/y") && RemoteLocation.isRemote("s3://b/k") && !RemoteLocation.isRemote("/data/a.warc"))
        #expect(RemoteLocation("data/a.warc.gz", options: Self.options([:])) == nil)
    }

    /// An endpoint is addressed by path; AWS by the bucket's host, or by path for a bucket with dots.
    @Test func s3URLsBecomeEndpointRequests() {
        let local = RemoteLocation("s3://crawl/data/a b+c.warc.gz", options: Self.options(["AWS_ENDPOINT_URL": "http://127.0.0.1:9000/"]))
        #expect(local?.url == "http://127.0.0.1:9000/crawl/data/a%20b%2Bc.warc.gz")
        #expect(local?.signedHost == "127.0.0.1:9000" && local?.signedPath == "/crawl/data/a%20b%2Bc.warc.gz" && local?.key == "data/a b+c.warc.gz")
        let preferred = RemoteLocation("s3://crawl/k", options: Self.options(["AWS_ENDPOINT_URL": "http://a", "AWS_ENDPOINT_URL_S3": "http://b:1"]))
        #expect(preferred?.url == "http://b:1/crawl/k")
        let aws = RemoteLocation("s3://commoncrawl/crawl-data/x.gz", options: Self.options(["AWS_REGION": "us-east-1"]))
        #expect(aws?.url == "https://commoncrawl.s3.us-east-1.amazonaws.com/crawl-data/x.gz" && aws?.signedPath == "/crawl-data/x.gz")
        let dotted = RemoteLocation("s3://my.bucket/k", options: Self.options(["AWS_DEFAULT_REGION": "ap-northeast-1"]))
        #expect(dotted?.url == "https://s3.ap-northeast-1.amazonaws.com/my.bucket/k")
        #expect(RemoteLocation("s3://bucket", options: Self.options([:])) == nil && RemoteLocation("s3://bucket/", options: Self.options([:])) == nil)
    }

    /// With credentials a request is signed, Host included; without them, or with --no-sign-request, it is not.
    @Test func signedOnlyWithCredentials() {
        let keys = ["AWS_ACCESS_KEY_ID": "AKIDEXAMPLE", "AWS_SECRET_ACCESS_KEY": "secret", "AWS_ENDPOINT_URL": "http://127.0.0.1:9000"]
        let options = Self.options(keys)
        let location = RemoteLocation("s3://crawl/k", options: options)!
        let headers = location.signature(method: "GET", seconds: 1_796_664_850, options: options)
        #expect(headers.map(\.0) == ["Host", "x-amz-date", "x-amz-content-sha256", "Authorization"])
        #expect(headers[0].1 == "127.0.0.1:9000" && headers[1].1 == "20261207T173410Z")
        #expect(headers[3].1.hasPrefix("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261207/us-east-1/s3/aws4_request, SignedHeaders=host;x-amz-content-sha256;x-amz-date, Signature="))
        #expect(location.signature(method: "GET", seconds: 0, options: Self.options([:])).isEmpty)
        let unsigned = RemoteOptions(signRequests: false, environment: { keys[$0] })
        #expect(location.signature(method: "GET", seconds: 0, options: unsigned).isEmpty)
    }

    /// Relative lines of an input list go under the base URL; URLs and absolute paths stay.
    @Test func inputListLinesResolve() {
        #expect(InputList.resolve("crawl-data/a.warc.gz", against: "https://data.commoncrawl.org/") == "https://data.commoncrawl.org/crawl-data/a.warc.gz")
        #expect(InputList.resolve("./a.warc.gz", against: "s3://commoncrawl") == "s3://commoncrawl/a.warc.gz")
        #expect(InputList.resolve("http://x/a", against: "https://y/") == "http://x/a")
        #expect(InputList.resolve("/data/a.warc", against: "https://y/") == "/data/a.warc")
        #expect(InputList.resolve("a.warc", against: nil) == "a.warc")
    }

    @Test func retryAfterInSecondsOrAsADate() {
        #expect(RemoteFile.retryAfter("120") == 120 && RemoteFile.retryAfter(nil) == nil && RemoteFile.retryAfter("soon") == nil)
        // 1796664850 is Mon, 07 Dec 2026 17:34:10 GMT.
        #expect(RemoteFile.retryAfter("Mon, 07 Dec 2026 17:35:00 GMT", now: 1_796_664_850) == 50)
        #expect(RemoteFile.retryAfter("Mon, 07 Dec 2026 17:00:00 GMT", now: 1_796_664_850) == 0)
    }

    @Test func contentRangesAndS3Errors() {
        #expect(RemoteFile.contentRange("bytes 100-199/1000").map { [$0.first, $0.total] } == [100, 1000])
        #expect(RemoteFile.contentRange("bytes 5-9/*").map { [$0.first, $0.total] } == [5, nil])
        #expect(RemoteFile.contentRange("bytes */1000") == nil && RemoteFile.contentRange(nil) == nil)
        let body = Array("<?xml version=\"1.0\"?><Error><Code>SignatureDoesNotMatch</Code><Message>…</Message></Error>".utf8)
        #expect(RemoteFile.s3Error(body) == "SignatureDoesNotMatch" && RemoteFile.s3Error(Array("<html>".utf8)) == nil)
    }
}
