import ArgumentParser
import Foundation
import PromptLintKit
import PromptLintUsage

struct BudgetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "budget",
        abstract: "Spend against each budget in .promptlint.yml, with a forecast to the period's end.",
        discussion: """
        Exit status 1 when any budget has crossed a threshold (for cron and CI), 0 otherwise, 2 on errors. \
        --notify posts each newly crossed threshold once per period (Slack-compatible JSON); a failed post \
        is reported and retried on the next run.
        """
    )

    @OptionGroup var options: UsageOptions

    @Option(name: .customLong("as-of"), help: ArgumentHelp("Count spend through the end of this UTC day (default: today).", valueName: "DAY"))
    var asOf: UTCDay?

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @Option(help: ArgumentHelp("Post newly crossed thresholds to this webhook.", valueName: "URL"))
    var notify: String?

    func run() throws {
        let (_, config, store) = try options.load()
        var notifier: BudgetNotifier?
        if let notify {
            guard let url = URL(string: notify), url.scheme == "http" || url.scheme == "https", url.host != nil else {
                throw CommandError("--notify: '\(notify)' is not an http(s) URL")
            }
            notifier = BudgetNotifier(url: url)
        }
        let statuses = try report(store: store, config: config, notifier: notifier)
        if statuses.contains(where: { !$0.crossed.isEmpty }) { throw ExitCode(1) }
    }

    /// Prints the statuses and posts the alerts; returns the statuses for the exit status.
    private func report(store: UsageStore, config: UsageConfig, notifier: BudgetNotifier?) throws -> [PromptLintUsage.BudgetStatus] {
        do {
            let statuses = try store.budgetStatuses(config.budgets, asOf: asOf ?? UTCDay.today(), config: config)
            print(format == .json ? BudgetFormatter.json(statuses) : BudgetFormatter.text(statuses), terminator: "")
            if let notifier {
                let outcome = try notifier.notify(statuses, store: store)
                for sent in outcome.sent { Terminal.standardError.write("notified: \(sent)\n") }
                for failed in outcome.failed { Terminal.standardError.write("notification failed (will retry on the next run): \(failed)\n") }
            }
            return statuses
        } catch {
            throw CommandError(error)
        }
    }
}
