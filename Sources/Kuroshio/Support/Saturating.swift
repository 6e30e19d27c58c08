/// Sums of counts read from files: held at `Int.max` (or `Int.min`) instead of trapping, so that a hostile counter
/// can skew a report but never stop it.
extension Int {
    /// `self + other`, held at the bounds.
    func adding(saturating other: Int) -> Int {
        let (sum, overflow) = addingReportingOverflow(other)
        return overflow ? (other > 0 ? .max : .min) : sum
    }

    mutating func add(saturating other: Int) { self = adding(saturating: other) }
}
