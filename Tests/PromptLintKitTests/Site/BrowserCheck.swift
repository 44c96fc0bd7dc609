import Foundation

/// Runs scripts/browser-check.py (headless Chromium over the DevTools pipe) on pages and returns
/// what the browser saw: each step's value, console errors, exceptions and every request made.
enum BrowserCheck {
    struct Page {
        var url: String
        var width = 1280
        var height = 900
        var steps: [String] = []
        var screenshot: String?
    }

    struct Result {
        var url: String
        var steps: [Any]
        var console: [String]
        var exceptions: [String]
        var requests: [String]
    }

    static var chromiumAvailable: Bool {
        ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].contains { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// In CI the browser tests must run (.ci/run installs Chromium); elsewhere they need one.
    static var enabled: Bool { chromiumAvailable || ProcessInfo.processInfo.environment["CI"] != nil }

    /// Screenshots go to $PROMPTLINT_SCREENSHOTS, or .build/report-screenshots.
    static var screenshotFolder: String {
        let folder = ProcessInfo.processInfo.environment["PROMPTLINT_SCREENSHOTS"] ?? Paths.packageRoot + "/.build/report-screenshots"
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }

    static func run(_ pages: [Page]) throws -> [Result] {
        let spec: [String: Any] = ["pages": pages.map { page -> [String: Any] in
            var object: [String: Any] = ["url": page.url, "width": page.width, "height": page.height, "steps": page.steps]
            if let screenshot = page.screenshot { object["screenshot"] = screenshot }
            return object
        }]
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Paths.packageRoot + "/scripts/browser-check.py"]
        let input = Pipe()
        let output = Pipe()
        let errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        input.fileHandleForWriting.write(try JSONSerialization.data(withJSONObject: spec))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let errorText = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0,
              let object = try JSONSerialization.jsonObject(with: data) as? [String: Any], let results = object["pages"] as? [[String: Any]] else {
            throw CommandFailure(description: "browser-check failed (\(process.terminationStatus)): \(errorText)")
        }
        return results.map {
            Result(url: $0["url"] as? String ?? "", steps: $0["steps"] as? [Any] ?? [], console: $0["console"] as? [String] ?? [],
                   exceptions: $0["exceptions"] as? [String] ?? [], requests: $0["requests"] as? [String] ?? [])
        }
    }
}
