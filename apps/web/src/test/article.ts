import { ARTICLE_COMPUTE } from '@edgenet/network-config/testing';
import { screen } from '@testing-library/react';
import { type } from './dom';

/**
 * Types the source article's node and service IP ranges (`ARTICLE_COMPUTE`: .50–.51, .60–.65)
 * into the compute form's four fields, found by their English labels.
 */
export function typeArticleRanges(): void {
  const { nodeIpRange, serviceIpRange } = ARTICLE_COMPUTE;
  type(screen.getByLabelText('Node IP range start'), nodeIpRange?.start ?? '');
  type(screen.getByLabelText('Node IP range end'), nodeIpRange?.end ?? '');
  type(screen.getByLabelText('Service IP range start'), serviceIpRange?.start ?? '');
  type(screen.getByLabelText('Service IP range end'), serviceIpRange?.end ?? '');
}
