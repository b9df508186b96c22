import {
  createRenderer,
  type RenderedNode,
  RenderedNodeType,
  type RenderedRootNode,
} from '@hubspot/ui-extensions/testing';
import { CompanyHealthCard } from '../../../extensions/app/cards/CompanyHealthCard.tsx';
import { CompanyHealthSidebar } from '../../../extensions/app/cards/CompanyHealthSidebar.tsx';
import { COMPANY_ID, NO_PROPERTIES } from './card-fixtures.ts';
import { withProperties } from './mock-service.ts';

/** The health tab on company 42, with these property values on the record. */
export function renderTab(properties = NO_PROPERTIES) {
  const renderer = createRenderer('crm.record.tab');
  withProperties(renderer, properties);
  renderer.render(<CompanyHealthCard companyId={COMPANY_ID} timeZone="UTC" />);
  return renderer;
}

/** The sidebar card on company 42, with these property values on the record. */
export function renderSidebar(properties = NO_PROPERTIES) {
  const renderer = createRenderer('crm.record.sidebar');
  withProperties(renderer, properties);
  renderer.render(<CompanyHealthSidebar companyId={COMPANY_ID} timeZone="UTC" />);
  return renderer;
}

/** All the text the card shows, joined by spaces, for "does it say X" checks. */
export function textOf(renderer: { getRootNode: () => RenderedRootNode }): string {
  return textIn(renderer.getRootNode());
}

/** All the text inside one node, joined by spaces. */
export function textIn(node: RenderedNode): string {
  return textsIn(node).join(' ');
}

function textsIn(node: RenderedNode): string[] {
  if (node.nodeType === RenderedNodeType.Text) return [node.text];
  return node.childNodes.flatMap(textsIn);
}
