import PromptLintKit

/// `teams:` — which provider projects, LiteLLM teams, API keys and users belong to which team.
///
///     teams:
///       payments: {openai_projects: [proj_abc], litellm_teams: [t-1], api_keys: [key_x], users: [alice]}
///
/// A row belongs to the first team that claims its project, then its LiteLLM team, then its API
/// key, then its user; the mapping is applied when reporting, so editing it re-attributes old rows.
public struct TeamMap: Sendable {
    public static let allowedKeys = ["openai_projects", "anthropic_workspaces", "projects", "litellm_teams", "api_keys", "users"]
    public static let unassigned = "(unassigned)"

    public private(set) var teamNames: [String] = []
    private var byProject: [String: String] = [:]
    private var byLiteLLMTeam: [String: String] = [:]
    private var byAPIKey: [String: String] = [:]
    private var byUser: [String: String] = [:]

    public init() {}

    init(node: YAMLNode?, reading: YAMLReading) throws(SourceError) {
        guard let node else { return }
        for (team, members) in try reading.pairs(node, "teams") {
            teamNames.append(team)
            for (kind, list) in try reading.pairs(members, "teams.\(team)", allowed: Self.allowedKeys) {
                for id in try reading.strings(list, "teams.\(team).\(kind)") {
                    switch kind {
                    case "litellm_teams": byLiteLLMTeam[id] = byLiteLLMTeam[id] ?? team
                    case "api_keys": byAPIKey[id] = byAPIKey[id] ?? team
                    case "users": byUser[id] = byUser[id] ?? team
                    default: byProject[id] = byProject[id] ?? team
                    }
                }
            }
        }
    }

    public func team(project: String?, litellmTeam: String?, apiKey: String?, user: String?) -> String {
        if let project, let team = byProject[project] { return team }
        if let litellmTeam, let team = byLiteLLMTeam[litellmTeam] { return team }
        if let apiKey, let team = byAPIKey[apiKey] { return team }
        if let user, let team = byUser[user] { return team }
        return Self.unassigned
    }
}
