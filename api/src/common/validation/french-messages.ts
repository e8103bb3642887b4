import { getMetadataStorage, type ValidationArguments } from 'class-validator';

/**
 * French messages for the class-validator rules declared without one: class-validator has no
 * translations, and its default messages (« pageSize must not be greater than 100 ») would reach
 * the users (`extensions.fields[].messages`). Each rule keeps the message it was given; the others
 * get a message built from the rule's name and constraints. Hand-written because class-validator
 * offers no locale: only a message per decorator, which this sets for the decorators that have none.
 */
const MESSAGES: Record<string, (c: unknown[]) => string> = {
  max: (c) => `La valeur doit être inférieure ou égale à ${fr(c[0])}.`,
  min: (c) => `La valeur doit être supérieure ou égale à ${fr(c[0])}.`,
  maxLength: (c) => `${fr(c[0])} caractères au plus.`,
  minLength: (c) => `${fr(c[0])} caractères au moins.`,
  isLength: (c) => (c[1] === undefined ? `${fr(c[0])} caractères au moins.` : `Entre ${fr(c[0])} et ${fr(c[1])} caractères.`),
  arrayMaxSize: (c) => `${fr(c[0])} éléments au plus.`,
  arrayMinSize: (c) => `${fr(c[0])} éléments au moins.`,
  matches: () => 'Le format de cette valeur n’est pas valide.',
  isEmail: () => 'L’adresse e-mail n’est pas valide.',
  isUrl: () => 'L’adresse web n’est pas valide.',
  isInt: () => 'Un nombre entier est attendu.',
  isIn: () => 'Cette valeur n’est pas acceptée.',
  nestedValidation: () => 'Un objet est attendu.',
};

const fr = (v: unknown) => (typeof v === 'number' ? v.toLocaleString('fr-FR') : String(v));

let done = false;

/** Gives a French message to every rule registered so far that has none (once the input classes are loaded). */
export function useFrenchValidationMessages(): void {
  if (done) return;
  done = true;
  // The storage keeps the rules by class; its map is not exported, its entries are the rules themselves.
  const storage = getMetadataStorage() as unknown as { validationMetadatas?: Map<unknown, Array<RuleMetadata>> };
  // Another class-validator layout: the messages stay English, and the hostile-input suite says so.
  if (!(storage.validationMetadatas instanceof Map)) return;
  for (const rules of storage.validationMetadatas.values()) {
    for (const rule of rules) {
      if (rule.message !== undefined) continue;
      const key = rule.name ?? rule.type;
      const message = MESSAGES[key];
      if (message) rule.message = (args: ValidationArguments) => message(args.constraints ?? []);
      else if (rule.type !== 'conditionalValidation' && rule.type !== 'whitelistValidation')
        rule.message = () => 'Cette valeur n’est pas acceptée.';
    }
  }
}

interface RuleMetadata {
  name?: string;
  type: string;
  message?: string | ((args: ValidationArguments) => string);
}
