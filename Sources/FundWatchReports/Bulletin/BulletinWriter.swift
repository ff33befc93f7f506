import FundWatchCore

extension ReportWriter {
    /// The bulletin: `bulletin-YYYY-MM.html` (printable) and `bulletin-YYYY-MM.txt` (for a WeChat post).
    public func render(_ bulletin: BulletinBuilder) throws -> [File] {
        let model = bulletin.viewModel()
        let base = "bulletin-\(bulletin.current.input.window.to)"
        return [File(name: base + ".html", bytes: try templates.render("bulletin.html", model)),
                File(name: base + ".txt", bytes: try templates.render("bulletin.txt", model))]
    }
}
