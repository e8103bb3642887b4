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

/** Observatoire de l'ESS : chiffres clés, répartitions, série, références (indicateurs non personnels). */
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
