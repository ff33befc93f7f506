import FundWatchCore

extension ReportWriter {
    /// The bulletin, `bulletin-YYYY-MM.html` (printable) and `bulletin-YYYY-MM.txt` (for a
    /// WeChat post), into `sink`; returns the files' names.
    public func write(_ bulletin: BulletinBuilder, into sink: any OutputSink) throws -> [String] {
        let model = bulletin.viewModel()
        let base = "bulletin-\(bulletin.current.input.window.to)"
        let html = try templates.render("bulletin.html", model), text = try templates.render("bulletin.txt", model)
        try sink.write(base + ".html", html)
        try sink.write(base + ".txt", text)
        return [base + ".html", base + ".txt"]
    }
}
