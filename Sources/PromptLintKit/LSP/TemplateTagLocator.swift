/// Finds the Mustache tag under a file offset, with its name's range in the file, through the
/// template's own source maps (any YAML scalar style, Prompty and dotprompt bodies alike).
struct TemplateTagLocator {
    struct Located {
        var template: PromptTemplate
        var tag: MustacheTag
        /// The tag's name in the file.
        var nameRange: Range<Int>
    }

    let analysis: DocumentAnalysis

    func tag(at offset: Int) -> Located? {
        for template in analysis.templates where template.range.contains(offset) || template.range.upperBound == offset {
            let context = TemplateContext(template: template, settings: analysis.engine.configuration.settings)
            for (index, message) in template.messages.enumerated() where message.source.range.contains(offset) || message.source.range.upperBound == offset {
                for tag in context.mustache[index].tags {
                    let whole = context.fileRange(message: index, tag.range)
                    guard whole.contains(offset) || whole.upperBound == offset else { continue }
                    return Located(template: template, tag: tag, nameRange: context.fileRange(message: index, tag.nameRange))
                }
            }
        }
        return nil
    }
}
