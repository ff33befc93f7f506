/// A typed view model: a struct whose stored properties are the names its template uses.
///
/// A page or document model is written as a struct conforming to this protocol; its
/// template reads `{{name}}` from the property `name` (found by reflection, so only stored
/// properties count). A misspelt property in Swift fails the build; a misspelt name in a
/// template is reported by ``Template/renderReportingMissing(_:library:)``. Optional
/// properties that are nil are an explicit null (an inverted section renders), never a
/// missing name. Property values convert as ``TemplateValue/init(any:)`` says: text,
/// numbers, flags, arrays of models, nested models.
public protocol TemplateModel: TemplateObject {}

extension TemplateModel {
    public func value(named name: String) -> TemplateValue? {
        for child in Mirror(reflecting: self).children where child.label == name {
            return TemplateValue(any: child.value)
        }
        return nil
    }
}
