extension UInt8 {
    /// ASCII whitespace as HTML defines it: space, tab, line feed, form feed and carriage return.
    var isASCIIWhitespace: Bool { self == 0x20 || self == 0x09 || self == 0x0A || self == 0x0C || self == 0x0D }
}
