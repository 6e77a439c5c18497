import AttuneCore

let engineVersion = TranscriptHeader.engineVersion
let scoringVersion = ScoringModel.version
