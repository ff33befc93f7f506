import FundWatchCore
import FundWatchCrypto
import PropertyBased
import Testing

@testable import FundWatchDraw

/// A small city built deterministically from a few numbers (for property checks).
struct City {
    var inputs: DrawInputs

    /// `counties` counties of `perCounty` institutions spread over the four categories, and
    /// `inspectors` inspectors spread over the counties and two units each; `shape` varies the rest.
    init(counties: Int, perCounty: Int, inspectors: Int, shape: UInt64, items: Bool = false) {
        var state = shape
        func next(_ m: Int) -> Int {  // SplitMix64
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(m))
        }
        let categories = InstitutionCategory.allCases
        var targets: [DrawTarget] = []
        for c in 0..<counties {
            let county = "9903\(String(format: "%02d", c + 1))"
            for i in 0..<perCounty {
                targets.append(
                    DrawTarget(
                        countyCode: county, countyName: "县\(c + 1)", code: "H\(county)\(String(format: "%05d", i + 1))",
                        name: "机构\(c)-\(i)", category: categories[next(categories.count)], riskClass: nil))
            }
        }
        var staff: [Inspector] = []
        for k in 0..<inspectors {
            let county = k % (counties + 1) == counties ? "990300" : "9903\(String(format: "%02d", k % (counties + 1) + 1))"
            staff.append(
                Inspector(
                    id: "I\(String(format: "%03d", k))", name: "检查员\(k)", countyCode: county, unit: "\(county)-单位\(next(2))",
                    qualified: next(10) != 0))
        }
        let list = items ? [CheckItem(id: "J1", title: "通用事项", category: nil), CheckItem(id: "J2", title: "药店事项", category: .pharmacy)] : []
        inputs = DrawInputs(targets: targets, inspectors: staff, items: list, previous: [])
    }
}

@Suite("The 双随机 draw")
struct DrawTests {
    static let period = YearMonth(year: 2026, month: 4)!
    static func parameters(_ seed: String = "2026-04-01 517", ratio: Int = 5) -> DrawParameters {
        DrawParameters(period: period, seed: seed, ratioPercent: ratio)
    }

    @Test("the same seed and inputs give the same draw; another seed another draw")
    func reproducible() throws {
        let city = City(counties: 3, perCounty: 60, inspectors: 20, shape: 7)
        let a = try Draw.make(city.inputs, Self.parameters()), b = try Draw.make(city.inputs, Self.parameters())
        #expect(a == b)
        let c = try Draw.make(city.inputs, Self.parameters("2026-04-01 518"))
        #expect(c.lots.map(\.target.code) != a.lots.map(\.target.code))
        #expect(c.digests == a.digests, "the seed is not an input digest")
    }

    @Test("the stream is the documented SHA-256 counter construction")
    func streamByHand() {
        let key = DrawStream.key(seed: "s", inputsDigest: String(repeating: "0", count: 64))
        #expect(key == SHA256Digest.bytes(of: Array("s".utf8) + [0] + Array(String(repeating: "0", count: 64).utf8)))
        var stream = DrawStream(key: key, label: "stratum|x")
        let block0 = SHA256Digest.bytes(of: key + Array("stratum|x".utf8) + [0] + [0, 0, 0, 0, 0, 0, 0, 0])
        let block1 = SHA256Digest.bytes(of: key + Array("stratum|x".utf8) + [0] + [0, 0, 0, 0, 0, 0, 0, 1])
        func word(_ block: [UInt8], _ i: Int) -> UInt64 { block[(i * 8)..<(i * 8 + 8)].reduce(0) { $0 << 8 | UInt64($1) } }
        for i in 0..<4 { #expect(stream.nextWord() == word(block0, i)) }
        #expect(stream.nextWord() == word(block1, 0))
    }

    @Test("every stratum draws ceil(ratio × size), so every county reaches the ratio; higher ratios for higher risk")
    func ratios() throws {
        var city = City(counties: 4, perCounty: 47, inspectors: 30, shape: 11)
        let plan = try Draw.make(city.inputs, Self.parameters(ratio: 5))
        for s in plan.strata {
            #expect(s.required == (5 * s.size + 99) / 100)
            #expect(plan.lots.filter { $0.stratum == s.key }.count == s.required)
        }
        for county in plan.counties { #expect(county.drawn * 100 >= 5 * county.institutions, "\(county.code)") }
        // Risk classes: D draws 20%.
        for i in city.inputs.targets.indices { city.inputs.targets[i].riskClass = i % 2 == 0 ? .d : .a }
        let risky = try Draw.make(city.inputs, Self.parameters(ratio: 5))
        for s in risky.strata { #expect(s.ratioPercent == (s.riskClass == .d ? 20 : 5)) }
    }

    @Test("institutions drawn in the previous months are drawn again only when a stratum needs them")
    func exclusion() throws {
        var city = City(counties: 1, perCounty: 40, inspectors: 12, shape: 3)
        var p = Self.parameters(ratio: 50)
        p.excludeMonths = 3
        p.crossCounty = false
        let first = try Draw.make(city.inputs, p)
        city.inputs.previous = [PreviousDraw(period: Self.period.previous, codes: first.lots.map(\.target.code))]
        let second = try Draw.make(city.inputs, p)
        for s in second.strata {
            let drawnBefore = first.lots.filter { $0.stratum == s.key }.map(\.target.code)
            let now = second.lots.filter { $0.stratum == s.key }.map(\.target.code)
            let fresh = s.size - s.excluded
            // As many new institutions as the stratum has, the rest from the excluded ones.
            #expect(now.filter { !drawnBefore.contains($0) }.count == min(fresh, s.required))
        }
        // Four months back is outside the window of three.
        city.inputs.previous = [PreviousDraw(period: Self.period.previous.previous.previous.previous, codes: first.lots.map(\.target.code))]
        #expect(try Draw.make(city.inputs, p).strata.allSatisfy { $0.excluded == 0 })
    }

    @Test("on random cities every rule on inspectors holds, or the draw says what is missing")
    func inspectorRules() async {
        await propertyCheck(count: 150, input: Gen.int(in: 1...5), Gen.int(in: 1...40), Gen.int(in: 2...30), Gen.int(in: 0...1_000_000)) {
            counties, per, staff, shape in
            Self.checkInspectorRules(counties: counties, per: per, staff: staff, shape: shape)
        }
    }

    /// One random city's draw: the inspector rules hold, or it fails saying what is missing.
    /// (A function of its own: the closure inline crashes Swift 6.3.1's SendNonSendable pass.)
    static func checkInspectorRules(counties: Int, per: Int, staff: Int, shape: Int) {
        let city = City(counties: counties, perCounty: per, inspectors: staff, shape: UInt64(shape), items: true)
        do {
            let plan = try Draw.make(city.inputs, Self.parameters("seed-\(shape)"))
            let qualified = city.inputs.inspectors.filter(\.qualified)
            let cap = (2 * plan.lots.count + qualified.count - 1) / qualified.count + 1
            var load: [String: Int] = [:]
            for lot in plan.lots {
                #expect(lot.inspectors.count == 2)
                #expect(lot.inspectors[0].id != lot.inspectors[1].id)
                #expect(lot.inspectors[0].unit != lot.inspectors[1].unit, "never two of one unit")
                #expect(lot.inspectors.allSatisfy { $0.qualified && $0.countyCode != lot.target.countyCode }, "qualified, from another county")
                for i in lot.inspectors { load[i.id, default: 0] += 1 }
                #expect(lot.items.map(\.id) == (lot.target.category == .pharmacy ? ["J1", "J2"] : ["J1"]))
            }
            #expect(load.values.allSatisfy { $0 <= cap }, "load cap \(cap)")
        } catch let error as Draw.Failure {
            guard case .tooFewInspectors(_, _, let detail) = error else {
                Issue.record("unexpected failure \(error)")
                return
            }
            #expect(!detail.isEmpty)
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test("bad inputs are clear errors: a duplicate inspector, too few inspectors, an empty seed")
    func badInputs() throws {
        var city = City(counties: 2, perCounty: 10, inspectors: 6, shape: 1)
        city.inputs.inspectors.append(city.inputs.inspectors[0])
        #expect(throws: Draw.Failure.duplicateInspector(city.inputs.inspectors[0].id)) { try Draw.make(city.inputs, Self.parameters()) }
        city.inputs.inspectors = [
            Inspector(id: "A", name: "甲", countyCode: "990301", unit: "U1", qualified: true),
            Inspector(id: "B", name: "乙", countyCode: "990301", unit: "U2", qualified: true),
        ]
        do {
            _ = try Draw.make(city.inputs, Self.parameters())
            Issue.record("drew with only own-county inspectors")
        } catch {
            guard case .tooFewInspectors(_, let county, let detail) = error else {
                Issue.record("\(error)")
                return
            }
            #expect(county == "990301" && detail.contains("outside county 990301"))
        }
        #expect(throws: Draw.Failure.self) { try Draw.make(city.inputs, Self.parameters("")) }
    }

    @Test("within a stratum every institution is equally likely (chi-square over 2,000 fixed seeds)")
    func uniform() throws {
        // One stratum of 10 pharmacies drawing 1 (ratio 10%).
        let targets = (0..<10).map {
            DrawTarget(countyCode: "990301", countyName: "县", code: "P9903010000\($0)", name: "药店\($0)", category: .pharmacy, riskClass: nil)
        }
        let staff = [
            Inspector(id: "A", name: "甲", countyCode: "990300", unit: "U1", qualified: true),
            Inspector(id: "B", name: "乙", countyCode: "990300", unit: "U2", qualified: true),
        ]
        var counts: [String: Int] = [:]
        let runs = 2_000
        for n in 0..<runs {
            let plan = try Draw.make(
                DrawInputs(targets: targets, inspectors: staff, items: [], previous: []), Self.parameters("fixed-seed-\(n)", ratio: 10))
            counts[plan.lots[0].target.code, default: 0] += 1
        }
        let expected = Double(runs) / 10
        let chi = targets.map { pow2(Double(counts[$0.code] ?? 0) - expected) / expected }.reduce(0, +)
        // 9 degrees of freedom: the 0.1% critical value is 27.88.
        #expect(chi < 27.88, "chi-square \(chi) over \(counts)")
        #expect(counts.count == 10)
    }

    func pow2(_ x: Double) -> Double { x * x }

    @Test("results: inspected, pending, overdue, and 双随机 inspections of targets never drawn")
    func results() throws {
        let targets = [
            DrawTarget(countyCode: "990301", countyName: "甲县", code: "H99030100001", name: "一院", category: .publicHospital, riskClass: nil),
            DrawTarget(countyCode: "990301", countyName: "甲县", code: "H99030100002", name: "二院", category: .publicHospital, riskClass: nil),
            DrawTarget(countyCode: "990301", countyName: "甲县", code: "H99030100003", name: "三院", category: .publicHospital, riskClass: nil),
        ]
        let staff = [
            Inspector(id: "A", name: "甲", countyCode: "990300", unit: "U1", qualified: true),
            Inspector(id: "B", name: "乙", countyCode: "990300", unit: "U2", qualified: true),
        ]
        let plan = try Draw.make(DrawInputs(targets: targets, inspectors: staff, items: [], previous: []), Self.parameters(ratio: 50))
        #expect(plan.lots.count == 2)
        let drawn = plan.lots.map(\.target.code), other = targets.map(\.code).first { !drawn.contains($0) }!
        let day = { (m: Int, d: Int) in Day(year: 2026, month: m, day: d)! }
        let registers = DrawRegisters(
            countyCode: "990301", countyName: "甲县", institutionNames: ["H99030100001": "一院", "H99030100002": "二院", "H99030100003": "三院"],
            inspections: [
                Inspection(institutionCode: drawn[0], inspectedOn: day(4, 20), method: .random, problemsFound: true),
                Inspection(institutionCode: other, inspectedOn: day(5, 3), method: .random, problemsFound: false),
                Inspection(institutionCode: drawn[1], inspectedOn: day(5, 9), method: .routine, problemsFound: false),
            ],
            cases: [
                .init(
                    caseID: "2026-009", institutionCode: drawn[0], openedOn: day(4, 25), closedOn: day(5, 30), actions: [.refuse],
                    amountInvolved: Money(fen: 100))
            ])
        let may = DrawResults.match(plan, registers: [registers], asOf: day(5, 31))
        #expect(may.results.map(\.status) == [.inspected, .pending], "a routine visit is not the draw's inspection")
        #expect(may.results[0].isFinal && may.results[0].outcome.contains("2026-009") && may.results[0].outcome.contains("拒付费用"))
        #expect(may.undrawn.map(\.institutionCode) == [other])
        #expect(may.counties.first.map { [$0.drawn, $0.inspected, $0.final] } == [2, 1, 1])
        let after = DrawResults.match(plan, registers: [registers], asOf: day(6, 30))
        #expect(after.results[1].status == .overdue, "not inspected by the end of the window")
    }
}
