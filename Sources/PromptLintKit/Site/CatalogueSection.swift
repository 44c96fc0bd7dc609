/// The catalogue on index.html: one row per template, filterable by text and tag and sortable by
/// any column with the inline script (`CatalogueScript`). Without the script (print, or scripts
/// off) it is a plain complete table.
enum CatalogueSection {
    static func render(_ model: SiteModel) -> String {
        let tags = Set(model.templates.flatMap(\.tags)).sorted()
        var html = "<section id=\"catalogue\">\n<h2>Catalogue</h2>\n<div class=\"controls\">"
        html += "<input id=\"filter\" type=\"search\" placeholder=\"Filter by name, description, tag or model\" aria-label=\"Filter templates\">"
        html += "<select id=\"tag-filter\" aria-label=\"Tag\"><option value=\"\">all tags</option>"
        for tag in tags { html += "<option value=\"\(HTML.escape(tag))\">\(HTML.escape(tag))</option>" }
        html += "</select></div>\n"
        html += "<p class=\"muted\"><span id=\"shown-count\">\(model.templates.count)</span> of \(model.templates.count) templates shown.</p>\n"
        html += "<div class=\"table-wrap\"><table id=\"templates\"><thead><tr>"
        html += "<th data-sort=\"text\">name</th><th class=\"hide-phone\">description</th><th class=\"hide-phone\">tags</th>"
        html += "<th data-sort=\"text\" class=\"hide-phone\">model</th><th data-sort=\"number\" class=\"num hide-phone\">tokens</th>"
        html += "<th data-sort=\"number\" class=\"num\">$/call</th><th data-sort=\"number\" class=\"num\">$/month</th>"
        html += "<th data-sort=\"number\" class=\"num\">findings</th></tr></thead>\n<tbody>\n"
        for entry in model.templates { html += row(entry) }
        return html + "</tbody></table></div>\n</section>\n"
    }

    static func row(_ entry: TemplateEntry) -> String {
        // Search text and tags as attributes, so the script filters without re-reading cells.
        let search = ([entry.name, entry.description ?? "", entry.model] + entry.tags).joined(separator: " ").lowercased()
        var html = "<tr data-name=\"\(HTML.escape(entry.name))\" data-search=\"\(HTML.escape(search))\" data-tags=\"\(HTML.escape(entry.tags.joined(separator: "\n")))\""
        html += " data-tokens=\"\(entry.inputTokens)\" data-cost-per-call=\"\(entry.costPerCall.map { "\($0)" } ?? "")\""
        html += " data-cost-per-month=\"\(entry.costPerMonth.map { "\($0)" } ?? "")\" data-findings=\"\(entry.findings.count)\">"
        html += "<td data-v=\"\(HTML.escape(entry.name))\"><a href=\"\(SitePaths.templatePage(entry.name))\">\(HTML.escape(entry.name))</a></td>"
        html += "<td class=\"hide-phone\">\(HTML.escape(entry.description ?? ""))</td>"
        html += "<td class=\"hide-phone\">\(entry.tags.map { "<span class=\"tag\">\(HTML.escape($0))</span>" }.joined())</td>"
        html += "<td class=\"hide-phone\" data-v=\"\(HTML.escape(entry.model))\">\(HTML.escape(entry.model))\(entry.isEstimate ? " <span class=\"muted\" title=\"token counts are estimates\">≈</span>" : "")</td>"
        html += "<td class=\"num hide-phone\" data-v=\"\(entry.inputTokens)\">\(entry.inputTokens)</td>"
        html += "<td class=\"num\" data-v=\"\(entry.costPerCall ?? -1)\">\(entry.costPerCall.map(Money.format) ?? "–")</td>"
        html += "<td class=\"num\" data-v=\"\(entry.costPerMonth ?? -1)\">\(entry.costPerMonth.map(Money.format) ?? "–")</td>"
        html += "<td class=\"num\" data-v=\"\(entry.findings.count)\">\(entry.findings.count)</td></tr>\n"
        return html
    }
}

/// The catalogue's only script: filter rows by text and tag, sort by a clicked column. It reads
/// the rows' data attributes and touches nothing outside the table.
enum CatalogueScript {
    static let source = """
    (function(){
    var body=document.querySelector('#templates tbody');if(!body)return;
    var rows=Array.prototype.slice.call(body.rows),filter=document.getElementById('filter'),tag=document.getElementById('tag-filter'),
    shown=document.getElementById('shown-count');
    function apply(){var words=filter.value.toLowerCase().split(/\\s+/).filter(Boolean),t=tag.value,n=0;
    rows.forEach(function(r){var s=r.getAttribute('data-search'),ok=words.every(function(w){return s.indexOf(w)>=0});
    if(ok&&t)ok=r.getAttribute('data-tags').split('\\n').indexOf(t)>=0;r.hidden=!ok;if(ok)n++});shown.textContent=n}
    filter.addEventListener('input',apply);tag.addEventListener('change',apply);
    Array.prototype.forEach.call(document.querySelectorAll('#templates th[data-sort]'),function(th){
    th.tabIndex=0;function sort(){var i=th.cellIndex,num=th.getAttribute('data-sort')==='number',
    dir=th.getAttribute('aria-sort')==='ascending'?-1:1;
    Array.prototype.forEach.call(th.parentNode.children,function(h){h.removeAttribute('aria-sort')});
    th.setAttribute('aria-sort',dir>0?'ascending':'descending');
    rows.sort(function(a,b){var x=a.cells[i].getAttribute('data-v'),y=b.cells[i].getAttribute('data-v');
    var c=num?parseFloat(x)-parseFloat(y):(x<y?-1:x>y?1:0);return c*dir});
    rows.forEach(function(r){body.appendChild(r)})}
    th.addEventListener('click',sort);th.addEventListener('keydown',function(e){if(e.key==='Enter')sort()})});
    apply()})();
    """
}
