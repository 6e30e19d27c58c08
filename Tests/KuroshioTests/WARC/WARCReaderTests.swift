import Foundation
import Testing
@testable import Kuroshio

@Suite struct WARCReaderTests {
    @Test func sampleDataRecordsByType() throws {
        let records = try Fixtures.records(Fixtures.sample)
        #expect(records.count == 17)
        let byType = Dictionary(grouping: records, by: \.type).mapValues(\.count)
        #expect(byType == ["warcinfo": 1, "request": 1, "response": 14, "revisit": 1])
        #expect(records[2].targetURI == "http://sample.kuroshio.test/ja/utf8")
        #expect(records[2].recordID == "<urn:uuid:00000000-0000-4000-8000-000000000003>")
        #expect(records[2].version == "1.0")
        #expect(records[0].offset == 0)
        #expect(records[2].offset == 433)
    }

    @Test func truncatedLastRecordIsOneProblem() throws {
        let records = try Fixtures.records(Fixtures.sample)
        let problems = records.flatMap(\.problems)
        #expect(problems.map(\.kind) == [.truncated])
        #expect(problems.first?.offset == 8631)
        #expect(records.last?.targetURI == "http://sample.kuroshio.test/ja/truncated")
        #expect(records.last!.block.count < records.last!.contentLength)
        #expect(records.last!.block.starts(with: Array("HTTP/1.1 200 OK".utf8)))
    }

    @Test func plainFileWithMixedVersionsAndHeaderCase() throws {
        let bytes = Fixtures.record(type: "warcinfo", version: "0.18", block: Array("a: b\r\n".utf8))
            + Fixtures.record(type: "resource", uri: "file:///x", version: "1.1", block: Array("hello".utf8),
                              headerName: { $0.lowercased() })
            + Fixtures.record(type: "metadata", version: "1.0", block: [], headerName: { $0.uppercased() })
        let records = try Fixtures.records(try Fixtures.temporaryFile(bytes))
        #expect(records.map(\.type) == ["warcinfo", "resource", "metadata"])
        #expect(records.map(\.version) == ["0.18", "1.1", "1.0"])
        #expect(Fixtures.string(records[1].block) == "hello")
        #expect(records[1].offset == Fixtures.record(type: "warcinfo", version: "0.18", block: Array("a: b\r\n".utf8)).count)
        #expect(records.allSatisfy { $0.problems.isEmpty })
    }

    @Test func wholeFileAsOneGzipMember() throws {
        let first = Fixtures.response(uri: "http://a.test/", body: Array("<p>one</p>".utf8))
        let second = Fixtures.response(uri: "http://b.test/", body: Array("<p>two</p>".utf8))
        let path = try Fixtures.temporaryFile(Gzip.compress(first + second), suffix: ".warc.gz")
        let records = try Fixtures.records(path)
        #expect(records.map(\.targetURI) == ["http://a.test/", "http://b.test/"])
        // Inside one member, a record is named by its decompressed offset.
        #expect(records.map(\.offset) == [0, first.count])
        #expect(try RecordLookup.record(in: path, at: first.count)?.targetURI == "http://b.test/")
    }

    @Test func lookupSeeksToGzipMember() throws {
        let records = try Fixtures.records(Fixtures.sample)
        let found = try RecordLookup.record(in: Fixtures.sample, at: records[4].offset)
        #expect(found?.targetURI == "http://sample.kuroshio.test/ja/euc-jp")
        #expect(try RecordLookup.record(in: Fixtures.sample, at: 12) == nil)
    }

    @Test func garbageBetweenRecordsIsSkippedOnce() throws {
        let good = Fixtures.record(type: "resource", uri: "u:1", block: Array("x".utf8))
        let bytes = good + Array("this is not a record\r\nnor is this\r\n".utf8) + good
        let records = try Fixtures.records(try Fixtures.temporaryFile(bytes))
        #expect(records.count == 2)
        #expect(records[0].problems.isEmpty)
        #expect(records[1].problems.map(\.kind) == [.resync])
        #expect(records[1].problems[0].offset == good.count)
    }

    @Test func garbageBetweenGzipMembersIsSkipped() throws {
        let one = Gzip.compress(Fixtures.record(type: "resource", uri: "u:1", block: Array("a".utf8)))
        let two = Gzip.compress(Fixtures.record(type: "resource", uri: "u:2", block: Array("b".utf8)))
        let path = try Fixtures.temporaryFile(one + Array("junk!".utf8) + two, suffix: ".warc.gz")
        let records = try Fixtures.records(path)
        #expect(records.map(\.targetURI) == ["u:1", "u:2"])
        #expect(records[1].problems.map(\.kind) == [.resync])
        #expect(records[1].offset == one.count + 5)
    }

    /// Compressed garbage (a member of zeros, no line break at its end) before a record: the record is found where its
    /// gzip member starts, and the window does not grow with the garbage.
    @Test func garbageInsideAMemberEndsAtTheNextMember() throws {
        let one = Gzip.compress(Fixtures.record(type: "resource", uri: "u:1", block: Array("a".utf8)))
        let zeros = Gzip.compress([UInt8](repeating: 0, count: 3_000_000))
        let two = Gzip.compress(Fixtures.record(type: "resource", uri: "u:2", block: Array("b".utf8)))
        let path = try Fixtures.temporaryFile(one + zeros + two + two, suffix: ".warc.gz")
        let records = try Fixtures.records(path)
        #expect(records.map(\.targetURI) == ["u:1", "u:2", "u:2"])
        #expect(records[1].problems.map(\.kind) == [.resync])
        #expect(records[1].offset == one.count + zeros.count)
        #expect(records[2].problems.isEmpty)
    }

    /// A declared length near 2^63 is oversize and truncated, not an overflow; counters get the bytes really read.
    @Test func aLengthNearTheLargestIntegerIsAProblemNotATrap() throws {
        let good = Fixtures.record(type: "resource", uri: "u:1", block: Array("a".utf8))
        let bad = Fixtures.record(type: "resource", uri: "u:2", block: Array("bcd".utf8), contentLength: Int.max)
        let records = try Fixtures.records(try Fixtures.temporaryFile(good + bad))
        #expect(records.map(\.targetURI) == ["u:1", "u:2"])
        #expect(records[1].problems.map(\.kind) == [.oversize, .truncated])
        #expect(records[1].contentLength == Int.max && records[1].bytesRead == 7)
        #expect(records[0].bytesRead == 1)
    }

    /// A declared length that runs past its gzip member ends at the next member that starts a record: the records
    /// after it are read, whether the block is held or skipped as oversize.
    @Test func aLengthPastItsGzipMemberCostsOneRecord() throws {
        let one = Gzip.compress(Fixtures.record(type: "resource", uri: "u:1", block: Array("a".utf8)))
        for (length, cap) in [(5000, WARCReader.defaultMaxRecordBytes), (Int.max, 1000)] {
            let lying = Gzip.compress(Fixtures.record(type: "resource", uri: "u:2", block: Array("bcd".utf8), contentLength: length))
            let three = Gzip.compress(Fixtures.record(type: "resource", uri: "u:3", block: Array("e".utf8)))
            let path = try Fixtures.temporaryFile(one + lying + three + one, suffix: ".warc.gz")
            let records = try Fixtures.records(path, maxRecordBytes: cap)
            #expect(records.map(\.targetURI) == ["u:1", "u:2", "u:3", "u:1"], "\(length)")
            #expect(records[1].problems.map(\.kind).contains(.truncated))
            #expect(records[1].bytesRead == 7)  // "bcd" and the record's closing CRLF CRLF
            #expect(records[2].problems.isEmpty && records[2].offset == one.count + lying.count)
        }
    }

    /// Past `limits.resyncBytes` of garbage, a gzip member is dropped unread and the next member's record is read; in
    /// a plain file the rest is given up. Either way it is one counted problem.
    @Test func resynchronisingIsBounded() throws {
        var limits = InputLimits()
        limits.resyncBytes = 1 << 16
        // Larger than the reader's window, so that the bound is met before the next record comes into view.
        let garbage = [UInt8](repeating: 0x41, count: 4 << 20)
        let good = Fixtures.record(type: "resource", uri: "u:good", block: Array("b".utf8))
        let gzipped = try Fixtures.temporaryFile(Gzip.compress(garbage) + Gzip.compress(good), suffix: ".warc.gz")
        let reader = try WARCReader(path: gzipped, limits: limits)
        let records = Array(reader)
        #expect(records.map(\.targetURI) == ["u:good"])
        #expect(records[0].problems.map(\.kind) == [.resyncLimit])
        #expect(records[0].problems[0].offset == 0)
        let plain = try WARCReader(path: try Fixtures.temporaryFile(garbage + good), limits: limits)
        #expect(Array(plain).isEmpty)
        #expect(plain.trailingProblems.map(\.kind) == [.resyncLimit])
    }

    /// Garbage in members small enough to be inflated whole: past the bound, the member where it is crossed is
    /// dropped, and the record after the garbage is still read.
    @Test func resynchronisingAcrossWholeMembers() throws {
        var limits = InputLimits()
        limits.resyncBytes = 1 << 16
        let garbage = Gzip.compress([UInt8](repeating: 0x41, count: 40 << 10))
        let good = Fixtures.record(type: "resource", uri: "u:good", block: Array("b".utf8))
        let path = try Fixtures.temporaryFile(garbage + garbage + garbage + Gzip.compress(good), suffix: ".warc.gz")
        let records = try Array(WARCReader(path: path, limits: limits))
        #expect(records.map(\.targetURI) == ["u:good"])
        #expect(records[0].problems.map(\.kind) == [.resyncLimit, .resync])
        #expect(records[0].problems.map(\.offset) == [0, 2 * garbage.count])
        #expect(records[0].offset == 3 * garbage.count)
    }

    /// Header fields past `limits.headerFields` are dropped and counted; the record is still read.
    @Test func headerFieldsAreBounded() throws {
        var limits = InputLimits()
        limits.headerFields = 4
        // 50 more fields after the record's three (type, URI, length), before the blank line.
        var record = Fixtures.record(type: "resource", uri: "u:1", block: Array("abc".utf8))
        let headEnd = (0..<record.count).first { record[$0..<($0 + 4)] == [0x0D, 0x0A, 0x0D, 0x0A] }! + 2
        record.insert(contentsOf: Array(String(repeating: "X-Junk: y\r\n", count: 50).utf8), at: headEnd)
        let records = Array(try WARCReader(path: try Fixtures.temporaryFile(record), limits: limits))
        #expect(records.map(\.targetURI) == ["u:1"])
        #expect(records[0].headers.fields.count == 4)
        #expect(records[0].problems.map(\.kind) == [.headerLimit])
        let http = Array(("HTTP/1.1 200 OK\r\n" + String(repeating: "X: y\r\n", count: 20) + "\r\nbody").utf8)
        let response = HTTPResponse.parse(http, maxHeaderFields: 5)
        #expect(response?.headers.fields.count == 5 && response?.problems == [.headerLimit])
        #expect(response.map { String(decoding: $0.payload, as: UTF8.self) } == "body")
    }

    @Test func oversizeRecordIsSkippedWithoutBuffering() throws {
        let big = Fixtures.record(type: "resource", uri: "u:big", block: [UInt8](repeating: 0x61, count: 5000))
        let small = Fixtures.record(type: "resource", uri: "u:small", block: Array("b".utf8))
        let path = try Fixtures.temporaryFile(Gzip.compress(big) + Gzip.compress(small), suffix: ".warc.gz")
        let records = try Fixtures.records(path, maxRecordBytes: 1000)
        #expect(records.map(\.targetURI) == ["u:big", "u:small"])
        #expect(records[0].problems.map(\.kind) == [.oversize])
        #expect(records[0].block.isEmpty)
        #expect(records[0].contentLength == 5000)
        #expect(records[1].problems.isEmpty)
    }

    @Test func shortBodyInPlainFileIsTruncated() throws {
        let whole = Fixtures.record(type: "resource", uri: "u:1", block: Array("0123456789".utf8))
        let records = try Fixtures.records(try Fixtures.temporaryFile(Array(whole.dropLast(9))))
        #expect(records.count == 1)
        #expect(records[0].problems.map(\.kind) == [.truncated])
        #expect(Fixtures.string(records[0].block) == "01234")
    }

    @Test func corruptGzipMemberIsReportedAndReadingGoesOn() throws {
        let one = Gzip.compress(Fixtures.record(type: "resource", uri: "u:1", block: Array(repeating: 0x62, count: 3000)))
        var broken = Gzip.compress(Fixtures.record(type: "resource", uri: "u:2",
                                                   block: (0..<3000).map { UInt8(truncatingIfNeeded: $0 &* 7) }))
        for i in 20..<40 { broken[i] ^= 0xA5 }
        let three = Gzip.compress(Fixtures.record(type: "resource", uri: "u:3", block: Array("c".utf8)))
        let path = try Fixtures.temporaryFile(one + broken + three, suffix: ".warc.gz")
        let records = try Fixtures.records(path)
        // The broken member's record is lost; the problem names its offset and comes with the next record read.
        #expect(records.map(\.targetURI) == ["u:1", "u:3"])
        #expect(records[0].problems.isEmpty)
        #expect(records[1].problems.map(\.kind) == [.corrupt])
        #expect(records[1].problems.first?.offset == one.count)
        #expect(Fixtures.string(records[1].block) == "c")
    }

    @Test func headerWithoutLengthIsBadHeader() throws {
        let bytes = Array("WARC/1.0\r\nWARC-Type: resource\r\n\r\n".utf8)
            + Fixtures.record(type: "resource", uri: "u:2", block: Array("b".utf8))
        let records = try Fixtures.records(try Fixtures.temporaryFile(bytes))
        #expect(records.map(\.type) == ["resource", "resource"])
        #expect(records[0].problems.map(\.kind) == [.badHeader])
        #expect(records[1].targetURI == "u:2")
    }

    @Test func arcRecordsComeOutAsWARCRecords() throws {
        let info = "1 0 Kuroshio\nURL IP-address Archive-date Content-type Archive-length\n"
        let page = "HTTP/1.0 200 OK\r\nContent-Type: text/html\r\n\r\n<p>ARC page</p>"
        let arc = "filedesc://test.arc 0.0.0.0 20140216050221 text/plain \(info.utf8.count)\n\(info)\n"
            + "http://example.test/ 192.0.2.1 20140216050222 text/html \(page.utf8.count)\n\(page)\n"
        let records = try Fixtures.records(try Fixtures.temporaryFile(Array(arc.utf8), suffix: ".arc"))
        #expect(records.map(\.type) == ["warcinfo", "response"])
        #expect(records[1].targetURI == "http://example.test/")
        #expect(records[1].date == "2014-02-16T05:02:22Z")
        #expect(records[1].version == "ARC")
        #expect(records.allSatisfy { $0.problems.isEmpty })
        let payload = try #require(PayloadDecoder().decode(records[1]))
        #expect(Fixtures.string(payload.text) == "<p>ARC page</p>")
    }

    @Test func missingFileIsUnreadable() {
        #expect(throws: InputProblem.self) { try WARCReader(path: "/nonexistent/x.warc.gz") }
    }

    @Test func emptyFileHasNoRecords() throws {
        #expect(try Fixtures.records(try Fixtures.temporaryFile([])).isEmpty)
    }
}
