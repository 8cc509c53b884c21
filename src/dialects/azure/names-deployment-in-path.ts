/**
 * Whether an Azure OpenAI request path picks the deployment (`/openai/deployments/{model}/...`, the
 * dated api-versions), so the body's `model` is left out; on the v1 API (`/openai/v1/...`) no path
 * names it and the body's `model` is the deployment name, as OpenAI's API takes it.
 */
export function namesDeploymentInPath(pathTemplate: string): boolean {
  return pathTemplate.includes('{model}');
}
