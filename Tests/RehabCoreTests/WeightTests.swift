import RehabCore
import Testing

@Suite struct WeightTests {
    @Test func kilogramsAndPoundsCompare() {
        // 4.5 kg is 9.92 lb: under a 10 lb limit, and not equal to it.
        #expect(kg(4.5) < lb(10))
        #expect(!(lb(10) < kg(4.5)))
        #expect(kg(4.5) != lb(10))
        #expect(lb(10) > kg(4.5))
        #expect(kg(5) > lb(10))
        #expect(kg(4.5359237) == lb(10))
        #expect(lb(10) == kg(4.5359237))
    }

    @Test func roundingNoiseDoesNotSplitEqualWeights() {
        #expect(lb(10) == lb(10.004))
        #expect(!(lb(10) < lb(10.004)))
        #expect(!(lb(10.004) < lb(10)))
        // A safety limit: 10.04 lb is over a 10 lb limit.
        #expect(lb(10) < lb(10.04))
        #expect(lb(10) < lb(10.1))
    }

    @Test func conversions() {
        #expect(abs(kg(10).pounds - 22.0462) < 0.0001)
        #expect(abs(lb(22.0462).kilograms - 10) < 0.0001)
        #expect(kg(10).converted(to: .kg) == kg(10))
        #expect(kg(10).converted(to: .lb).unit == .lb)
    }

    @Test func text() {
        #expect(lb(10).description == "10 lb")
        #expect(kg(4.5).description == "4.5 kg")
        #expect(kg(4.5).shown(in: .lb) == "9.9 lb (4.5 kg)")
        #expect(lb(10).shown(in: .lb) == "10 lb")
        #expect(lb(25).shown(in: .kg) == "11.3 kg (25 lb)")
        #expect(Weight.format(2.25) == "2.3")
        #expect(Weight.format(7.0) == "7")
    }

    @Test func equalWeightsHashAlike() {
        // Hashable requires a == b ⇒ a.hashValue == b.hashValue; Weight's == has a tolerance.
        let pairs: [(Weight, Weight)] = [(lb(10.04), lb(10.06)), (lb(10), kg(4.5359237)), (lb(2.249), lb(2.251)), (lb(0.95), lb(0.99))]
        for (a, b) in pairs where a == b {
            #expect(a.hashValue == b.hashValue, "\(a.pounds) lb == \(b.pounds) lb but they hash differently")
            #expect(Set([a, b]).count == 1, "a set holds two equal weights: \(a), \(b)")
        }
    }

    @Test func liftingLoadBreaksOnlyAStricterLimit() {
        let carry = Loads(lift: lb(20))
        #expect(carry.conflict(with: .atMost(.lifting, Quantity(lb(10)))) != nil)
        #expect(carry.conflict(with: .atMost(.lifting, Quantity(lb(20)))) == nil)
        #expect(carry.conflict(with: .atMost(.lifting, Quantity(kg(9)))) != nil)   // 9 kg is 19.8 lb
        #expect(Loads(lift: kg(4.5)).conflict(with: .atMost(.lifting, Quantity(lb(10)))) == nil)
        #expect(Loads(lift: kg(5)).conflict(with: .atMost(.lifting, Quantity(lb(10)))) != nil)
        #expect(Loads(activities: [.bending]).conflict(with: .no(.bending)) != nil)
        #expect(Loads(activities: [.bending]).conflict(with: .no(.twisting)) == nil)
        #expect(Loads().conflict(with: .atMost(.lifting, Quantity(lb(1)))) == nil)
        #expect(carry.conflict(with: .atMost(.sitting, .minutes(5))) == nil)
    }
}
