import Testing
@testable import PromptLintKit

@Suite struct PromptLibraryTests {
    @Test func bundledLibraryLoadsCleanly() throws {
        let library = PromptLibrary.load(root: Paths.bundledLibrary)
        #expect(library.issues.isEmpty, "\(library.issues)")
        #expect(library.templates.count >= 15)
        #expect(library.template(named: "support/ticket-summary") != nil)
        for template in library.templates {
            #expect(template.description != nil, "\(template.name) has no description")
            #expect(template.maxOutputTokens != nil, "\(template.name) has no output limit")
        }
    }

    @Test func bundledTemplatesRenderWithTheirRequiredVariables() throws {
        let library = PromptLibrary.load(root: Paths.bundledLibrary)
        let renderer = TemplateRenderer(library: library)
        for template in library.templates {
            var values: [String: TemplateValue] = [:]
            for variable in template.variables where variable.defaultValue == nil {
                values[variable.name] = .string(variable.allowedValues?.first ?? "sample \(variable.name)")
            }
            let rendered = try renderer.render(template, values: values)
            #expect(rendered.messages.count == template.messages.count)
            #expect(!rendered.messages.contains { $0.content.contains("{{") }, "\(template.name) left a tag unrendered")
        }
    }

    @Test func duplicateNamesAcrossFilesNameBothFiles() throws {
        let dir = try TemporaryDirectory(files: [
            "a.yml": "name: same\ntemplate: one\n",
            "b/c.yml": "name: same\ntemplate: two\n",
        ])
        let library = PromptLibrary.load(root: dir.path)
        #expect(library.templates.count == 1)
        let issue = try #require(library.errors.first)
        #expect(issue.error.path.hasSuffix("b/c.yml"))
        #expect(issue.error.message.contains("duplicate template name 'same': also defined in"))
        #expect(issue.error.message.contains("a.yml:1"))
    }

    @Test func loadsRecursivelyAllFormatsWithPathNames() throws {
        let dir = try TemporaryDirectory(files: [
            "support/summary.yml": "template: hi\n",
            "x.yaml": "template: hi\n",
            "p.prompty": "---\nname: p\n---\nuser:\nhi\n",
            "d.prompt": "---\nmodel: m\n---\nhi\n",
            "notes.txt": "ignored",
            ".hidden/z.yml": "template: hi\n",
        ])
        let library = PromptLibrary.load(root: dir.path)
        #expect(library.issues.isEmpty)
        #expect(Set(library.templates.map(\.name)) == ["support/summary", "x", "p", "d"])
    }

    @Test func includeAndExcludeGlobs() throws {
        let dir = try TemporaryDirectory(files: ["a/x.yml": "template: hi\n", "b/y.yml": "template: hi\n", "b/drafts/z.yml": "template: hi\n"])
        let onlyB = PromptLibrary.load(root: dir.path, include: [Glob("b/**")], exclude: [Glob("**/drafts/*")])
        #expect(onlyB.templates.map(\.name) == ["b/y"])
    }

    @Test func missingLibraryFolderIsAnError() {
        let library = PromptLibrary.load(root: "/nonexistent/prompts")
        #expect(library.errors.first?.error.message.contains("library folder not found") == true)
    }

    @Test func binaryFileIsAClearError() throws {
        let dir = try TemporaryDirectory()
        try [UInt8]([0x6E, 0x00, 0xFF]).withUnsafeBufferPointer { buffer in
            try Data(buffer: buffer).write(to: URL(fileURLWithPath: dir.file("bin.yml")))
        }
        let library = PromptLibrary.load(root: dir.path)
        #expect(library.errors.first?.error.message.contains("binary file") == true)
    }

    @Test func globs() {
        #expect(Glob("**/*.yml").matches("a/b/c.yml"))
        #expect(Glob("**/*.yml").matches("c.yml"))
        #expect(!Glob("*.yml").matches("a/c.yml"))
        #expect(Glob("a/?.y[am]l").matches("a/x.yml"))
        #expect(!Glob("a/[!x].yml").matches("a/x.yml"))
        #expect(Glob("support/**").matches("support/a/b.yml"))
    }

    @Test func closestMatch() {
        #expect(ClosestMatch.find("descripton", in: ["name", "description"]) == "description")
        #expect(ClosestMatch.find("zzzz", in: ["name", "description"]) == nil)
        #expect(ClosestMatch.editDistance(Array("ab"), Array("ba")) == 1)
    }
}

import Foundation

@Suite struct PlainTextIncludeTests {
    @Test func plainFilesJoinTheLibraryOnlyThroughInclude() throws {
        let dir = try TemporaryDirectory(files: ["a.yml": "template: hi\n", "notes/b.txt": "Answer in one word.", "README.md": "docs"])
        #expect(PromptLibrary.load(root: dir.path).templates.map(\.name) == ["a"])
        let included = PromptLibrary.load(root: dir.path, include: [Glob("**/*.yml"), Glob("notes/*.txt")])
        #expect(included.templates.map(\.name).sorted() == ["a", "notes/b"])
        #expect(included.templates.first { $0.name == "notes/b" }?.format == .plainText)
    }
}
