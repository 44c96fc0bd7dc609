import Logging
import PostgresNIO
@testable import PromptLintUsage

/// Runs SQL on the test database (kept apart from the test file: @Test expansions do not build in a
/// file that imports PostgresNIO).
enum PostgresTestDatabase {
    static func execute(_ url: String, _ statements: [String]) throws {
        let configuration = try PostgresSpendLogs(url: url).configuration()
        try BlockingTask.run {
            let logger = Logger(label: "promptlint.tests.postgres")
            let connection = try await PostgresConnection.connect(configuration: configuration, id: 2, logger: logger)
            for statement in statements {
                try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
            }
            try await connection.close()
        }
    }
}
