/// Hiragana among the document's characters: Japanese prose is rarely below 15%, lists and spam often are.
enum HiraganaRatio {
    static let spec = FilterSpec("hiragana_ratio", "Share of hiragana among non-space characters.", min: 0.15,
                                 parameters: [ScriptShare.overParameter]) { parameters throws(ConfigError) in
        try ScriptShare.make(parameters) { $0.hiragana }
    }
}
