/// Masks personal information: e-mail addresses become `<email>`, Japanese phone numbers `<phone>`, IPv4
/// addresses `<ip>`.
struct PIIMask: ParagraphCleaner {
    static let spec = CleanerSpec(name: "mask_pii", summary: "Mask e-mail addresses, Japanese phone numbers and IP addresses.",
                                  parameters: []) { _ in PIIMask() }

    nonisolated(unsafe) static let email = /[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(\.[A-Za-z0-9\-]+)+/
    /// 03-1234-5678, 090-1234-5678, 0120-123-456, (03)1234-5678, +81-3-1234-5678.
    nonisolated(unsafe) static let phone = /(\+81[\- ]?\d{1,4}|\(0\d{1,4}\)|0\d{1,4})[\- ]?\d{1,4}[\- ]\d{3,4}(?!\d)/
    nonisolated(unsafe) static let ipv4 = /\b((25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(25[0-5]|2[0-4]\d|1?\d?\d)\b(?!\.\d)/

    func clean(_ paragraphs: [Paragraph]) -> [Paragraph] {
        paragraphs.map { paragraph in
            let text = paragraph.text
            guard text.contains(where: { $0 == "@" || $0.isNumber }) else { return paragraph }
            let masked = text.replacing(Self.email, with: "<email>").replacing(Self.ipv4, with: "<ip>")
                .replacing(Self.phone, with: "<phone>")
            return masked == text ? paragraph : paragraph.with(text: masked)
        }
    }
}
