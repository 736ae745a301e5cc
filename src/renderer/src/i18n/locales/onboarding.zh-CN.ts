import type { onboardingEn } from './onboarding.en'

export const onboardingZhCN: typeof onboardingEn = {
  title: '入门'
}
