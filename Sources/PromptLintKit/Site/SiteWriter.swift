import Foundation

/// Renders a `SiteModel` to `index.html` (overview and catalogue) and one page per template under
/// `t/`, each written atomically (a temporary file renamed over the old page).
public enum SiteWriter {
    /// The pages, path relative to the site folder → HTML.
    public static func pages(_ model: SiteModel) -> [(path: String, html: String)] {
        let index = PageLayout.page(title: model.title, root: "", model: model,
                                    body: OverviewSection.render(model) + CatalogueSection.render(model), script: CatalogueScript.source)
        let templates = model.templates
        let rendered = ConcurrentResults<(path: String, html: String)>(count: templates.count)
        DispatchQueue.concurrentPerform(iterations: templates.count) { index in
            rendered.set(index, (SitePaths.templatePage(templates[index].name), TemplatePage.render(templates[index], model: model)))
        }
        return [(SitePaths.index, index)] + rendered.values
    }

    /// Writes the site into `folder` (created if needed); returns the number of files written.
    @discardableResult
    public static func write(_ model: SiteModel, to folder: String) throws(SourceError) -> Int {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw SourceError(path: folder, location: nil, message: "not a folder: report --html writes a folder of pages")
        }
        for sub in [folder, folder + "/" + SitePaths.templateFolder] {
            do { try FileManager.default.createDirectory(atPath: sub, withIntermediateDirectories: true) } catch {
                throw SourceError(path: sub, location: nil, message: "cannot create the folder (\(error.localizedDescription))")
            }
        }
        let pages = pages(model)
        let failures = ConcurrentResults<SourceError?>(count: pages.count)
        DispatchQueue.concurrentPerform(iterations: pages.count) { index in
            let path = folder + "/" + pages[index].path
            failures.set(index, writeAtomically(Data(pages[index].html.utf8), to: path))
        }
        if let failure = failures.values.compactMap({ $0 }).first { throw failure }
        return pages.count
    }

    static func writeAtomically(_ data: Data, to path: String) -> SourceError? {
        let temporary = (path as NSString).deletingLastPathComponent + "/.\((path as NSString).lastPathComponent).\(getpid()).tmp"
        guard FileManager.default.createFile(atPath: temporary, contents: data) else {
            return SourceError(path: path, location: nil, message: "cannot write the page")
        }
        if rename(temporary, path) != 0 {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(atPath: temporary)
            return SourceError(path: path, location: nil, message: "cannot write the page (\(reason))")
        }
        return nil
    }
}
