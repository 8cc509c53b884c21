/**
 * URL variables a dialect sends outside the URL (watsonx's project id goes in every body): an
 * entry of that dialect may declare them without using them in a URL template. They resolve like
 * any URL variable (`providers[id].urlVariables`, the environment variable, the default) and a
 * missing one fails the call before sending, naming the variable.
 */
export const DIALECT_URL_VARIABLES: Readonly<Partial<Record<string, readonly string[]>>> = {
  watsonx: ['project_id'],
};
