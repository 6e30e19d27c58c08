import Testing
@testable import Kuroshio

@Suite struct MemoryBudgetTests {
    /// The resident set grows by the memory a process touches.
    @Test func residentBytesCountTouchedMemory() {
        let before = MemoryBudget.residentBytes()
        let touched = [UInt8](repeating: 1, count: 256 << 20)
        let after = MemoryBudget.residentBytes()
        withExtendedLifetime(touched) {}
        #expect(before > 1 << 20)
        #expect(after - before > 200 << 20, "\(before) then \(after)")
    }

    /// A budget below the resident set is over from the start; one far above it is not, and a document in flight
    /// under the first is stopped.
    @Test func budgetsAreOverOnlyBelowTheResidentSet() {
        let small = MemoryBudget(bytes: 1 << 20), large = MemoryBudget(bytes: 1 << 50)
        #expect(small.isOver && !large.isOver)
        #expect(DocumentWatch(memory: small).exceeded() == .memoryLimit)
        #expect(DocumentWatch(memory: large).exceeded() == nil)
        #expect(DocumentWatch(deadline: 0, memory: large).exceeded() == .timeLimit)
    }
}
