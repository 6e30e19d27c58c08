/// Katakana among the document's characters: product lists and SEO pages run high.
enum KatakanaRatio {
    static let spec = FilterSpec("katakana_ratio", "Share of katakana among non-space characters.", max: 0.5,
                                 parameters: [ScriptShare.overParameter]) { parameters throws(ConfigError) in
        try ScriptShare.make(parameters) { $0.katakana }
    }
}
