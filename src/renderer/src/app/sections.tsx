/** Which view renders each section. A feature replaces its ComingSoon entry when it lands. */
import type { ReactNode } from 'react'
import { ModelsView } from '../features/models/ModelsView'
import { SettingsView } from '../features/settings/SettingsView'
import type { Section } from '../stores/app-slice'
import { ComingSoon } from './ComingSoon'

export const SECTION_VIEWS: Record<Section, () => ReactNode> = {
  'concept-map': () => <ComingSoon section="concept-map" />,
  library: () => <ComingSoon section="library" />,
  walkthrough: () => <ComingSoon section="walkthrough" />,
  tokenizer: () => <ComingSoon section="tokenizer" />,
  generation: () => <ComingSoon section="generation" />,
  models: () => <ModelsView />,
  settings: () => <SettingsView />
}
