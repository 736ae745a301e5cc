export const onboardingEn = {
  title: 'Onboarding'
}
