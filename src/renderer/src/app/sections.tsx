/** Which view renders each section. Each feature owns its view in features/<section>/index.tsx. */
import type { ReactNode } from 'react'
import { ConceptMapView } from '../features/concept-map'
import { GenerationView } from '../features/generation'
import { LibraryView } from '../features/library'
import { ModelsView } from '../features/models/ModelsView'
import { SettingsView } from '../features/settings/SettingsView'
import { TokenizerView } from '../features/tokenizer'
import { WalkthroughView } from '../features/walkthrough'
import type { Section } from '../stores/app-slice'

export const SECTION_VIEWS: Record<Section, () => ReactNode> = {
  'concept-map': ConceptMapView,
  library: LibraryView,
  walkthrough: WalkthroughView,
  tokenizer: TokenizerView,
  generation: GenerationView,
  models: ModelsView,
  settings: SettingsView
}
