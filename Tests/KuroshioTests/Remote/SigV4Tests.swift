import Testing
@testable import Kuroshio

@Suite struct SigV4Tests {
    static let example = SigV4(credentials: .init(accessKey: "AKIAIOSFODNN7EXAMPLE", secretKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"),
                               region: "us-east-1")

    /// AWS's own example of a signed S3 GET (a byte range of examplebucket/test.txt on 24 May 2013) signs the same.
    @Test func signsAWSsExampleGet() {
        let headers = Self.example.sign(method: "GET", path: "/test.txt",
                                        headers: [("Host", "examplebucket.s3.amazonaws.com"), ("Range", "bytes=0-9")], seconds: 1_369_353_600)
        #expect(headers.map(\.0) == ["x-amz-date", "x-amz-content-sha256", "Authorization"])
        #expect(headers[0].1 == "20130524T000000Z")
        #expect(headers[2].1 == "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, "
            + "SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, "
            + "Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41")
    }

    /// Query parameters are encoded and sorted and a session token is signed, as botocore 1.43 signs them (its
    /// signature of the same request at the same second); credentials come from the environment.
    @Test func queriesTokensAndCredentials() {
        var signer = Self.example
        signer.credentials.sessionToken = "token/with+chars"
        let headers = signer.sign(method: "GET", path: "/", query: [("prefix", "J/a b"), ("list-type", "2")],
                                  headers: [("Host", "examplebucket.s3.amazonaws.com")], seconds: 1_796_664_850)
        #expect(headers.map(\.0) == ["x-amz-date", "x-amz-content-sha256", "x-amz-security-token", "Authorization"])
        #expect(headers[3].1.hasSuffix("SignedHeaders=host;x-amz-content-sha256;x-amz-date;x-amz-security-token, "
            + "Signature=e6d0ead804ed0fd526e7a1bd2baa393f223437d9dcfe5e623f8a84941c01a625"))
        #expect(SigV4.encode("J/a b~é") == "J%2Fa%20b~%C3%A9")
        #expect(SigV4.timestamp(0) == "19700101T000000Z" && SigV4.timestamp(1_709_294_399) == "20240301T115959Z")
        #expect(SigV4.Credentials(environment: ["AWS_ACCESS_KEY_ID": "a", "AWS_SECRET_ACCESS_KEY": "b", "AWS_SESSION_TOKEN": ""])
            == SigV4.Credentials(accessKey: "a", secretKey: "b"))
        #expect(SigV4.Credentials(environment: ["AWS_ACCESS_KEY_ID": "a"]) == nil)
    }
}
