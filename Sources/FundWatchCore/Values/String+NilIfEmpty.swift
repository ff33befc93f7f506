extension String {
    /// The text, or nil when it is empty (an optional form field left blank).
    public var nilIfEmpty: String? { isEmpty ? nil : self }
}
