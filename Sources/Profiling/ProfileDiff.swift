extension Profile {
    /// This profile less `base` (pprof's `-diff_base`): base's samples join with their values negated,
    /// so a function's flat and cum are what grew (positive) or shrank (negative) between the two.
    /// Both must have the same sample types.
    package func subtracting(_ base: Profile) throws(ProfileError) -> Profile {
        guard sampleTypes == base.sampleTypes else {
            let names = { (profile: Profile) in profile.sampleTypes.map { "\($0.type)/\($0.unit)" }.joined(separator: ",") }
            throw ProfileError("the profiles have different sample types (\(names(self)) against \(names(base))): compare captures of the same kind")
        }
        var merged = self
        // Base's location IDs are moved past this profile's, so the two sets never mix.
        let offset = (locations.keys.max() ?? 0) + 1
        for (id, location) in base.locations { merged.locations[id + offset] = location }
        for sample in base.samples {
            merged.samples.append(Sample(locations: sample.locations.map { $0 + offset }, values: sample.values.map { 0 &- $0 }))
        }
        return merged
    }
}
