import Foundation

extension StringProtocol {
    /// Unicode NFKC, as compatibility decomposition then canonical composition. Foundation's own NFKC on Linux leaves
    /// some sequences uncomposed (half-width ｶﾞ stays カ + U+3099 instead of ガ); composing its NFKD is right.
    var nfkc: String { decomposedStringWithCompatibilityMapping.precomposedStringWithCanonicalMapping }
}
