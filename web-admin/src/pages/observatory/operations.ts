import { graphql } from '../../gql';

export const OBSERVATORY_FIGURES_FRAGMENT = graphql(`
  fragment ObservatoryFiguresFields on ObservatoryFigures {
    establishments
    employers
    declaredEstablishments
    declaredEmployees
    estimatedLow
    estimatedMid
    estimatedHigh
    employeesLow
    employeesMid
    employeesHigh
  }
`);

export const OBSERVATORY_QUERY = graphql(`
  query Observatory($year: Int, $zone: String, $epci: [String!], $essFamily: [EssFamily!], $sector: [String!]) {
    observatory(year: $year, zone: $zone, epci: $epci, essFamily: $essFamily, sector: $sector) {
      year
      scope
      computedAt
      ruleVersion
      notes
      totals {
        ...ObservatoryFiguresFields
      }
      byFamily {
        key
        label
        figures {
          ...ObservatoryFiguresFields
        }
      }
      byNafSection {
        key
        label
        figures {
          ...ObservatoryFiguresFields
        }
      }
      byEpci {
        key
        label
        figures {
          ...ObservatoryFiguresFields
        }
      }
      byCommune {
        key
        label
        figures {
          ...ObservatoryFiguresFields
        }
      }
      bySector {
        key
        label
        figures {
          ...ObservatoryFiguresFields
        }
      }
      series {
        year
        figures {
          ...ObservatoryFiguresFields
        }
      }
      references {
        territoryType
        territoryCode
        territoryName
        indicator
        year
        value
        source
      }
      share {
        essEmployees
        totalEmployees
        percent
        referenceYear
        source
      }
    }
  }
`);

export const OBSERVATORY_SECTORS_QUERY = graphql(`
  query ObservatorySectors {
    sectors {
      id
      slug
      name
    }
  }
`);

export const REFRESH_OBSERVATORY_MUTATION = graphql(`
  mutation RefreshObservatory($year: Int) {
    refreshObservatory(year: $year)
  }
`);

export const TERRITORY_COMMUNES_QUERY = graphql(`
  query TerritoryCommunes($epci: [String!], $after: String) {
    communes(epci: $epci, first: 100, after: $after) {
      nodes {
        id
        code
        name
        epciSiren
        latitude
        longitude
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);
