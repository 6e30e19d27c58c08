import Testing
@testable import Kuroshio

@Suite struct WARCDateTests {
    @Test func datesBecomeISOUTCToTheSecond() {
        #expect(WARCDate.normalize("2020-08-04T12:34:56Z") == "2020-08-04T12:34:56Z")
        #expect(WARCDate.normalize("2020-08-04T12:34:56.123456Z") == "2020-08-04T12:34:56Z")
        #expect(WARCDate.normalize("2020-08-04T12:34Z") == "2020-08-04T12:34:00Z")
        #expect(WARCDate.normalize("2020-08-04") == "2020-08-04T00:00:00Z")
        #expect(WARCDate.normalize("20080430204825") == "2008-04-30T20:48:25Z")
        #expect(WARCDate.normalize("2024-02-29T00:00:00Z") == "2024-02-29T00:00:00Z")
        #expect(WARCDate.normalize("2008-12-31T20:21:46-0700") == "2009-01-01T03:21:46Z")
        #expect(WARCDate.normalize("2009-01-01T05:00:00+09:00") == "2008-12-31T20:00:00Z")
        #expect(WARCDate.normalize(http: "Wed, 28 Jan 2009 17:05:56 GMT") == "2009-01-28T17:05:56Z")
    }

    @Test func impossibleDatesHaveNone() {
        #expect(WARCDate.normalize("2008-10-294T20:00:00Z") == nil)
        #expect(WARCDate.normalize("2008-10-294T05:21:46-0700") == nil)
        #expect(WARCDate.normalize(http: "Wed, 30 Feb 2009 17:05:56 GMT") == nil)
        #expect(WARCDate.normalize("2023-02-29T00:00:00Z") == nil)
        #expect(WARCDate.normalize("2020-13-01T00:00:00Z") == nil)
        #expect(WARCDate.normalize("yesterday") == nil)
        #expect(WARCDate.normalize("") == nil)
        #expect(WARCDate.normalize("2020-08-04T12:34:56.Z") == nil)
    }
}
