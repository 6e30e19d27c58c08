/// Finds one record by the offset `warc ls` printed for it.
public enum RecordLookup {
    /// The record at `offset` in `file`: read directly when the offset starts a record or a gzip member, else
    /// found by reading the file from its start (records inside one large gzip member). Nil when there is none.
    public static func record(in file: String, at offset: Int, maxRecordBytes: Int = WARCReader.defaultMaxRecordBytes)
        throws(InputProblem) -> WARCRecord?
    {
        if let direct = try WARCReader(path: file, offset: offset, maxRecordBytes: maxRecordBytes).next(),
           direct.offset == offset, !direct.problems.contains(where: { $0.kind == .resync }) {
            return direct
        }
        for record in try WARCReader(path: file, maxRecordBytes: maxRecordBytes) where record.offset == offset {
            return record
        }
        return nil
    }
}
