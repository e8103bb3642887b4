import { graphql } from '../../gql';

export const OBSERVATORY_FIGURES_FRAGMENT = graphql(`
  fragment ObservatoryFiguresFields on ObservatoryFigures {
    establishments
    employers
    declaredEstablishments
    declaredEmployees
    employeesLow
    employeesMid
    employeesHigh
  }
`);

/** SSE observatory: key figures, breakdowns, series, references (non-personal indicators). */
export const OBSERVATORY_QUERY = graphql(`
  query Observatory($zone: String, $epci: [String!], $essFamily: [EssFamily!], $year: Int) {
    observatory(zone: $zone, epci: $epci, essFamily: $essFamily, year: $year) {
      year
      computedAt
      ruleVersion
      scope
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
      bySector {
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
      series {
        year
        figures {
          ...ObservatoryFiguresFields
        }
      }
      share {
        essEmployees
        totalEmployees
        percent
        referenceYear
        source
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
    }
  }
`);
