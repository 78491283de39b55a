import { IConstruct } from 'constructs';
import { TerraformStack } from '../core/cdk';
import { LabSettings } from '../core/stack-settings';
import { CliRendering } from './cli-rendering';
import { ProviderRendering } from './provider-rendering';
import { RenderingStrategy } from './rendering-strategy';

const STRATEGIES = new WeakMap<IConstruct, RenderingStrategy>();

/** Makes the rendering strategy a LabStack owns, from its settings. */
export function createRendering(stack: TerraformStack, settings: LabSettings): RenderingStrategy {
  const strategy =
    settings.rendering === 'provider' ? new ProviderRendering(settings.lxdProviderVersion) : new CliRendering(stack);
  STRATEGIES.set(stack, strategy);
  return strategy;
}

/** The rendering strategy of `scope`'s stack (a plain TerraformStack renders `cli`). */
export function renderingOf(scope: IConstruct): RenderingStrategy {
  const stack = TerraformStack.of(scope);
  let strategy = STRATEGIES.get(stack);
  if (!strategy) STRATEGIES.set(stack, (strategy = new CliRendering()));
  return strategy;
}
