
      export interface PossibleTypesResultData {
        possibleTypes: {
          [key: string]: string[]
        }
      }
      const result: PossibleTypesResultData = {
  "possibleTypes": {
    "Node": [
      "Account",
      "CarrierProject",
      "Chantier",
      "Commune",
      "Departement",
      "Epci",
      "MentorOffer",
      "Network",
      "Person",
      "Region",
      "Sector",
      "Structure",
      "StudyDay",
      "Workshop"
    ],
    "ParticipatorySpace": [
      "Chantier",
      "StudyDay",
      "Workshop"
    ]
  }
};
      export default result;
    