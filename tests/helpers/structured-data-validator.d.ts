// Types for the parts of @adobe/structured-data-validator the tests use (the package ships none).
declare module '@adobe/structured-data-validator' {
  export default class Validator {
    constructor(schemaOrgJson?: unknown);
    validate(data: { jsonld?: Record<string, object[]> }): Promise<unknown[]>;
  }
}
