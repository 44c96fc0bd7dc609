/// Estimates the largest explicit output size a text asks for, in tokens, so a rule can compare it
/// with `max_output_tokens`.
///
/// Conversion (`LengthUnit.tokensPerUnit`): words × 1.35; sentences ≈ 20 words; paragraphs ≈ 100
/// words; lines ≈ 12 words; list items ≈ 15 words; pages ≈ 500 words; characters ÷ 4; Japanese
/// characters (字/文字) × 1.0. A range ("2–3 paragraphs") uses its maximum; minimums ("at least 500
/// words") count too, since they are a size the model is asked to reach.
public struct RequestedLength: Sendable, Hashable {
    public var range: Range<Int>
    public var matched: String
    public var unit: LengthUnit
    public var count: Int
    public var estimatedTokens: Int
}

public enum RequestedLengthEstimator {
    public static func estimate(_ text: String) -> RequestedLength? { estimate(PromptText(text)) }

    /// The largest request, or nil when the text names no size.
    public static func estimate(_ t: PromptText) -> RequestedLength? {
        all(t).max { ($0.estimatedTokens, -$0.range.lowerBound) < ($1.estimatedTokens, -$1.range.lowerBound) }
    }

    /// Every explicit size request in the text.
    public static func all(_ t: PromptText) -> [RequestedLength] {
        let report = LengthLimitDetector.detect(t)
        return (report.bounds + report.lowerBounds).compactMap { b in
            guard b.kind == .count, let u = b.unit, let n = b.maximum else { return nil }
            let perUnit = (b.language == .japanese && u == .characters) ? 1.0 : u.tokensPerUnit
            let tokens = Int((Double(n) * perUnit).rounded(.up))
            return RequestedLength(range: b.range, matched: b.matched, unit: u, count: n, estimatedTokens: max(tokens, 1))
        }
    }
}
