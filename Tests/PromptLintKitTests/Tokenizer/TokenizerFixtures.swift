import Foundation
@testable import PromptLintKit

/// Golden vectors produced by tiktoken 0.14.0 (copied from the team's shared tokenizer data).
enum TokenizerFixtures {
    struct Row {
        let category: String
        let text: String
        let ids: [Encoding: [Int]]
    }

    struct PiecesRow {
        let text: String
        let pieces: [Encoding: [String]]
    }

    static func lines(_ name: String) throws -> [[String: Any]] {
        guard let url = Bundle.module.url(forResource: name, withExtension: "jsonl", subdirectory: "Fixtures/tokenizers")
        else { throw CocoaError(.fileNoSuchFile) }
        let data = try Data(contentsOf: url)
        return try data.split(separator: UInt8(ascii: "\n")).map {
            try JSONSerialization.jsonObject(with: Data($0)) as! [String: Any]
        }
    }

    static let golden: [Row] = try! lines("golden").map { obj in
        var ids: [Encoding: [Int]] = [:]
        for e in Encoding.allCases { ids[e] = (obj[e.rawValue] as! [NSNumber]).map(\.intValue) }
        return Row(category: obj["category"] as! String, text: obj["text"] as! String, ids: ids)
    }

    static let goldenPieces: [PiecesRow] = try! lines("golden_pieces").map { obj in
        var pieces: [Encoding: [String]] = [:]
        for e in Encoding.allCases { pieces[e] = obj[e.rawValue] as? [String] }
        return PiecesRow(text: obj["text"] as! String, pieces: pieces)
    }
}
