# Writes messages_sv.properties and messages_en.properties from one table, so that
# no key exists in one language only. Run: python3 src/main/i18n/generate.py
import os
here = os.path.dirname(os.path.abspath(__file__))
out = os.path.join(here, '..', 'resources')
T = {}
def m(key, sv, en): T[key] = (sv, en)

m('layout.skip', 'Hoppa till innehållet', 'Skip to content')
m('layout.brand', 'Kedja', 'Kedja')
m('layout.nav', 'Huvudmeny', 'Main menu')
m('layout.signedInAs', 'Du är {0} ({1})', 'You are {0} ({1})')
m('layout.signOut', 'Logga ut', 'Sign out')
m('layout.footer', 'Kedja – uppföljning av deltagare i arbetsmarknadsprojekt', 'Kedja – following participants through labour-market projects')
m('nav.caseload', 'Mina ärenden', 'My caseload')
m('nav.dashboard', 'Måluppfyllelse', 'Goal progress')
m('nav.audit', 'Granska ärende', 'Audit a case')
m('nav.accessLog', 'Åtkomstlogg', 'Access log')
m('nav.admin', 'Projekt', 'Projects')
for r, sv, en in [('COACH', 'handledare', 'coach'), ('MANAGER', 'projektledare', 'manager'), ('AUDITOR', 'granskare', 'auditor'), ('ADMIN', 'administratör', 'administrator')]:
    m('role.' + r, sv, en)
m('error.title', 'Något gick fel', 'Something went wrong')
m('error.denied.title', 'Inte för din roll', 'Not for your role')
m('error.denied', 'Sidan hör till en annan roll än din. Menyn visar sidorna du kan öppna.', 'This page belongs to another role than yours. The menu shows the pages you can open.')
m('error.noRole.title', 'Ingen roll i Kedja', 'No role in Kedja')
m('error.noRole', 'Du är inloggad, men ditt konto har ingen roll i Kedja. Be en administratör om en roll.', 'You are signed in, but your account has no role in Kedja. Ask an administrator for one.')
m('error.unavailable', 'En tjänst som sidan behöver svarar inte just nu. Försök igen om en stund.', 'A service this page needs is not answering. Try again in a moment.')
m('error.home', 'Till startsidan', 'To the start page')

m('caseload.title', 'Mina ärenden', 'My caseload')
m('caseload.project', 'Projekt', 'Project')
m('caseload.site', 'Anordnare', 'Site')
m('caseload.status', 'Status', 'Status')
m('caseload.all', 'Alla', 'All')
m('caseload.mine', 'Bara deltagare där jag är handledare', 'Only participants I coach')
m('caseload.filter', 'Visa', 'Show')
m('caseload.enrol', 'Skriv in en deltagare', 'Enrol a participant')
m('caseload.empty', 'Inga deltagare matchar.', 'No participants match.')
m('caseload.caption', '{0}: {1} deltagare, försenade först', '{0}: {1} participants, overdue first')
m('caseload.col.name', 'Namn', 'Name')
m('caseload.col.site', 'Anordnare', 'Site')
m('caseload.col.status', 'Status', 'Status')
m('caseload.col.enrolled', 'Inskriven', 'Enrolled')
m('caseload.col.due', 'Nästa att göra', 'Next due')
m('caseload.overdue', 'Försenad:', 'Overdue:')
m('caseload.erased', 'Personuppgifter raderade', 'Personal data erased')
m('caseload.pseudonym', 'Deltagare {0}', 'Participant {0}')
m('caseload.due.plan', 'handlingsplan senast', 'action plan by')
m('caseload.due.follow-up', 'uppföljning senast', 'follow-up by')
for k, sv, en in [('NO_RESPONSIBLE_ACTOR', 'ingen ansvarig aktör', 'no responsible actor'), ('TRANSFER_NOT_ACCEPTED', 'överlämning inte mottagen', 'handover not accepted'),
                  ('NO_FOLLOW_UP', 'ingen uppföljning på länge', 'no follow-up for too long'), ('PLAN_OVERDUE', 'handlingsplan saknas', 'action plan overdue'),
                  ('POST_EXIT_FOLLOW_UP_OVERDUE', 'uppföljning efter avslut saknas', 'post-exit follow-up overdue')]:
    m('alert.' + k, sv, en)
for k, sv, en in [('ACTIVE', 'Aktiv', 'Active'), ('PAUSED', 'Pausad', 'Paused'), ('EXITED', 'Avslutad', 'Exited'), ('ERASED', 'Raderad', 'Erased'), ('NOT_ENROLLED', 'Inte inskriven', 'Not enrolled')]:
    m('enum.CaseStatus.' + k, sv, en)
m('enum.Adapted.TRUE', 'anpassat', 'adapted')
m('enum.Adapted.FALSE', 'inte anpassat ännu', 'not yet adapted')

m('participant.title', 'Deltagare', 'Participant')
m('participant.saved', 'Sparat: {0}.', 'Saved: {0}.')
m('participant.project', 'Projekt', 'Project')
m('participant.site', 'Anordnare', 'Site')
m('participant.status', 'Status', 'Status')
m('participant.responsible', 'Ansvarig aktör', 'Responsible actor')
m('participant.noResponsible', 'Ingen – deltagaren står mellan stolarna', 'None – the participant is between the chairs')
m('participant.coach', 'Handledare', 'Coach')
m('participant.enrolled', 'Inskriven', 'Enrolled')
m('participant.lastFollowUp', 'Senaste uppföljning', 'Last follow-up')
m('participant.exited', 'Avslutad', 'Exited')
m('participant.plan', 'Handlingsplan', 'Action plan')
m('participant.noPlan', 'Ingen handlingsplan ännu.', 'No action plan yet.')
m('participant.plan.goals', 'Mål', 'Goals')
m('participant.plan.activities', 'Planerade aktiviteter', 'Planned activities')
m('participant.plan.accessibility', 'Tillgänglighet: behov och anpassningar', 'Accessibility: needs and adaptations')
m('participant.plan.noNeeds', 'Inga behov angivna.', 'No needs recorded.')
m('participant.record', 'Registrera', 'Record')
m('participant.timeline', 'Händelser, senaste först', 'Events, latest first')
m('participant.historyUnavailable', 'Händelserna kan inte visas: granskningstjänsten svarar inte eller visar dem inte för din roll.', 'The events cannot be shown: the audit service is not answering or does not show them to your role.')
m('participant.planUnavailable', 'Planen kan inte visas: den läses ur händelserna, som inte kan visas.', 'The plan cannot be shown: it is read from the events, which cannot be shown.')
m('participant.recorded', 'Registrerad {0} av {1}', 'Recorded {0} by {1}')
m('participant.correctionReason', 'Rättelse, skäl: {0}', 'Correction, reason: {0}')

m('form.errorTitlePrefix', 'Fel:', 'Error:')
m('form.errors.heading', 'Något behöver rättas', 'Something needs fixing')
m('form.optional', '(frivilligt)', '(optional)')
m('form.required', 'Fyll i det här fältet', 'Fill in this field')
m('form.choose', 'Välj', 'Choose')
m('form.yes', 'Ja', 'Yes')
m('form.no', 'Nej', 'No')
m('form.save', 'Spara', 'Save')
m('form.cancel', 'Avbryt', 'Cancel')
for slug, sv, en in [('enrol', 'Skriv in en deltagare', 'Enrol a participant'), ('plan', 'Handlingsplan', 'Action plan'), ('activity', 'Påbörja en aktivitet', 'Start an activity'),
                     ('follow-up', 'Uppföljning', 'Follow-up'), ('referral', 'Remiss till annan aktör', 'Referral to another actor'), ('transfer', 'Begär överlämning', 'Request a handover'),
                     ('transfer-acceptance', 'Ta emot överlämning', 'Accept a handover'), ('transfer-rejection', 'Avvisa överlämning', 'Reject a handover'),
                     ('consent', 'Samtycke till delning', 'Consent to sharing'), ('pause', 'Pausa deltagandet', 'Pause participation'), ('resumption', 'Återuppta deltagandet', 'Resume participation'),
                     ('exit', 'Avslut', 'Exit'), ('post-exit-follow-up', 'Uppföljning efter avslut', 'Follow-up after exit'), ('survey-answer', 'Enkätsvar', 'Survey answer'), ('correction', 'Rättelse', 'Correction')]:
    m('form.%s.title' % slug, sv, en)
m('group.goals', 'Mål {0}', 'Goal {0}')
m('group.plannedActivities', 'Planerad aktivitet {0}', 'Planned activity {0}')
m('group.accessibilityNeeds', 'Tillgänglighetsbehov {0}', 'Accessibility need {0}')
m('group.progress', 'Framsteg mot mål {0}', 'Progress on goal {0}')
F = [('name', 'Namn', 'Name'), ('personnummer', 'Personnummer', 'Personal identity number'), ('email', 'E-post', 'Email'), ('phone', 'Telefon', 'Phone'),
     ('address', 'Adress', 'Address'), ('siteId', 'Anordnare', 'Site'), ('coachId', 'Handledare', 'Coach'), ('responsibleActor', 'Ansvarig aktör', 'Responsible actor'),
     ('enrolledOn', 'Inskrivningsdatum', 'Enrolment date'), ('gender', 'Kön', 'Gender'), ('municipality', 'Kommunkod', 'Municipality code'),
     ('targetGroups', 'Målgrupper', 'Target groups'), ('entrySituations', 'Situation vid inskrivning', 'Situation at entry'), ('monthsWithoutWork', 'Månader utan arbete', 'Months without work'),
     ('isced', 'Utbildningsnivå', 'Level of education'), ('disability', 'Funktionsnedsättning', 'Disability'), ('foreignBackground', 'Utländsk bakgrund', 'Foreign background'),
     ('consentToStatistics', 'Samtycker deltagaren till att uppgifterna används i statistik?', 'Does the participant consent to statistics use?'),
     ('agreedOn', 'Datum då planen kom överens', 'Date agreed'), ('goals.key', 'Mål (kort namn)', 'Goal (short name)'), ('goals.area', 'Område', 'Area'),
     ('plannedActivities.type', 'Typ av aktivitet', 'Type of activity'), ('plannedActivities.provider', 'Utförare', 'Provider'),
     ('accessibilityNeeds.area', 'Område', 'Area'), ('accessibilityNeeds.adapted', 'Anpassning gjord', 'Adaptation made'),
     ('agreedWith', 'Överenskommen med', 'Agreed with'), ('revision', 'Detta är en revidering av planen', 'This revises the plan'),
     ('type', 'Typ av aktivitet', 'Type of activity'), ('startedOn', 'Startdatum', 'Start date'), ('provider', 'Utförare', 'Provider'), ('actorsTakingPart', 'Aktörer som deltar', 'Actors taking part'),
     ('heldOn', 'Datum för uppföljningen', 'Date of the follow-up'), ('progress.goalKey', 'Mål', 'Goal'), ('progress.level', 'Hur långt har deltagaren kommit?', 'How far has the participant come?'),
     ('accessibilityReviewed', 'Har tillgänglighetsbehoven gåtts igenom?', 'Were the accessibility needs reviewed?'), ('ownAssessment', 'Deltagarens egen bedömning', "The participant's own view"),
     ('referredOn', 'Datum', 'Date'), ('to', 'Till aktör', 'To actor'), ('purpose', 'Syfte', 'Purpose'), ('consentOverrideReason', 'Skäl att dela utan samtycke', 'Reason to share without consent'),
     ('requestedOn', 'Datum', 'Date'), ('transferId', 'Överlämning', 'Handover'), ('acceptedOn', 'Datum', 'Date'), ('rejectedOn', 'Datum', 'Date'), ('reason', 'Skäl', 'Reason'),
     ('givenOn', 'Datum', 'Date'), ('actors', 'Aktörer', 'Actors'), ('pausedOn', 'Datum', 'Date'), ('resumedOn', 'Datum', 'Date'),
     ('exitedOn', 'Avslutsdatum', 'Exit date'), ('outcome', 'Vad gör deltagaren efter avslut?', 'What does the participant do after exit?'),
     ('daysAfterExit', 'Dagar efter avslut', 'Days after exit'), ('followedUpOn', 'Datum', 'Date'), ('status', 'Deltagarens situation', "The participant's situation"),
     ('answeredOn', 'Datum', 'Date'), ('questionKey', 'Fråga', 'Question'), ('answer', 'Svar', 'Answer'),
     ('corrects', 'Händelse som rättas', 'Event to correct'), ('correctedValues', 'Rättade värden', 'Corrected values'), ('correctedOn', 'Datum', 'Date')]
for k, sv, en in F:
    m('field.' + k, sv, en)
m('hint.personnummer', 'ÅÅÅÅMMDD-NNNN', 'YYYYMMDD-NNNN')
m('hint.municipality', 'Fyra siffror, till exempel 0580 för Linköping', 'Four digits, for example 0580 for Linköping')
m('hint.correctedValues', 'En rad per värde: fält=nytt värde, till exempel exitedOn=2011-03-01', 'One line per value: field=new value, for example exitedOn=2011-03-01')
m('hint.questionKey', 'Till exempel chances-of-work-increased', 'For example chances-of-work-increased')
m('hint.answer', 'Till exempel yes eller no', 'For example yes or no')
m('hint.coachId', 'Handledarens användarnamn', "The coach's user name")

E = {
 'Gender': [('FEMALE', 'Kvinna', 'Woman'), ('MALE', 'Man', 'Man'), ('OTHER', 'Annat', 'Other')],
 'IscedBand': [('ISCED_0_2', 'Förgymnasial (ISCED 0–2)', 'Lower secondary or less (ISCED 0–2)'), ('ISCED_3_4', 'Gymnasial (ISCED 3–4)', 'Upper secondary (ISCED 3–4)'), ('ISCED_5_8', 'Eftergymnasial (ISCED 5–8)', 'Tertiary (ISCED 5–8)')],
 'EntrySituation': [('INCOME_SUPPORT', 'Försörjningsstöd', 'Income support'), ('INTRODUCTION_BENEFIT', 'Etableringsersättning', 'Introduction benefit'), ('FAS3', 'Fas 3', 'Phase 3 (Fas 3)'),
   ('LONG_TERM_UNEMPLOYED', 'Långtidsarbetslös', 'Long-term unemployed'), ('UNEMPLOYED', 'Arbetslös', 'Unemployed'), ('SICK_OR_ACTIVITY_COMPENSATION', 'Sjuk- eller aktivitetsersättning', 'Sickness or activity compensation'),
   ('SICKNESS_BENEFIT', 'Sjukpenning', 'Sickness benefit'), ('INACTIVE', 'Utanför arbetskraften', 'Inactive'), ('EMPLOYED', 'Anställd', 'Employed'), ('IN_EDUCATION', 'Studerar', 'In education'), ('OTHER', 'Annat', 'Other')],
 'ActivityType': [('INDIVIDUAL', 'Individuell aktivitet', 'Individual activity'), ('GROUP', 'Gruppaktivitet', 'Group activity'), ('WORK_TRAINING', 'Arbetsträning', 'Work training'), ('INTERNSHIP', 'Praktik', 'Internship'),
   ('EDUCATION', 'Utbildning', 'Education'), ('VALIDATION', 'Validering', 'Validation'), ('HEALTH', 'Hälsa', 'Health'), ('MULTI_ACTOR_MEETING', 'Flerpartsmöte', 'Multi-actor meeting')],
 'PlanGoalArea': [('WORK', 'Arbete', 'Work'), ('EDUCATION', 'Utbildning', 'Education'), ('LANGUAGE', 'Språk', 'Language'), ('HEALTH', 'Hälsa', 'Health'), ('SOCIAL_LIFE', 'Socialt liv', 'Social life'),
   ('ECONOMY', 'Ekonomi', 'Economy'), ('HOUSING', 'Boende', 'Housing'), ('OTHER', 'Annat', 'Other')],
 'AccessibilityArea': [('PHYSICAL', 'Fysisk tillgänglighet', 'Physical'), ('COMMUNICATIVE', 'Kommunikativ tillgänglighet', 'Communicative'), ('INFORMATIVE', 'Informativ tillgänglighet', 'Informative')],
 'ProgressLevel': [('NOT_STARTED', 'Inte påbörjat', 'Not started'), ('STARTED', 'Påbörjat', 'Started'), ('HALFWAY', 'Halvvägs', 'Halfway'), ('NEARLY_THERE', 'Nästan framme', 'Nearly there'), ('ACHIEVED', 'Uppnått', 'Achieved'), ('ABANDONED', 'Avbrutet', 'Abandoned')],
 'OwnAssessment': [('BETTER', 'Bättre', 'Better'), ('UNCHANGED', 'Oförändrat', 'Unchanged'), ('WORSE', 'Sämre', 'Worse'), ('NOT_STATED', 'Inte angett', 'Not stated')],
 'ReferralPurpose': [('ASSESSMENT', 'Utredning', 'Assessment'), ('HEALTH_CARE', 'Hälso- och sjukvård', 'Health care'), ('REHABILITATION', 'Rehabilitering', 'Rehabilitation'), ('EDUCATION', 'Utbildning', 'Education'),
   ('EMPLOYMENT_SERVICE', 'Arbetsförmedling', 'Employment service'), ('FINANCIAL_SUPPORT', 'Ekonomiskt stöd', 'Financial support'), ('OTHER', 'Annat', 'Other')],
 'TransferRejectionReason': [('NO_CAPACITY', 'Ingen plats', 'No capacity'), ('OUTSIDE_REMIT', 'Utanför uppdraget', 'Outside remit'), ('NOT_IN_TARGET_GROUP', 'Inte i målgruppen', 'Not in target group'), ('PARTICIPANT_DECLINED', 'Deltagaren tackade nej', 'Participant declined'), ('OTHER', 'Annat', 'Other')],
 'PauseReason': [('SICKNESS', 'Sjukdom', 'Sickness'), ('PARENTAL_LEAVE', 'Föräldraledighet', 'Parental leave'), ('CARE_OF_RELATIVE', 'Vård av anhörig', 'Care of a relative'), ('TEMPORARY_WORK', 'Tillfälligt arbete', 'Temporary work'), ('HOLIDAY', 'Ledighet', 'Holiday'), ('OTHER', 'Annat', 'Other')],
 'ExitReason': [('PLAN_COMPLETED', 'Planen genomförd', 'Plan completed'), ('GOAL_REACHED_EARLY', 'Målet nått i förtid', 'Goal reached early'), ('OWN_CHOICE', 'Eget val', 'Own choice'), ('REFERRED_ON', 'Hänvisad vidare', 'Referred on'),
   ('ILLNESS', 'Sjukdom', 'Illness'), ('MOVED', 'Flyttat', 'Moved'), ('LOST_CONTACT', 'Tappad kontakt', 'Lost contact'), ('PROJECT_ENDED', 'Projektet slut', 'Project ended'), ('OTHER', 'Annat', 'Other')],
 'ExitOutcome': [('EMPLOYMENT', 'Arbete', 'Employment'), ('SUBSIDISED_EMPLOYMENT', 'Arbete med stöd', 'Subsidised employment'), ('EDUCATION', 'Studier', 'Education'), ('OWN_ENTERPRISE', 'Eget företag', 'Own enterprise'),
   ('OTHER_ACTIVE_OCCUPATION', 'Annan aktiv sysselsättning', 'Other active occupation'), ('JOB_SEEKING', 'Arbetssökande', 'Job seeking'), ('SICK', 'Sjuk', 'Sick'), ('MOVED', 'Flyttat', 'Moved'), ('UNKNOWN', 'Okänt', 'Unknown')],
}
for t, vals in E.items():
    for v, sv, en in vals:
        m('enum.%s.%s' % (t, v), sv, en)
EV = [('participant-enrolled', 'Inskrivning', 'Enrolment'), ('plan-agreed', 'Handlingsplan', 'Action plan'), ('plan-revised', 'Reviderad handlingsplan', 'Revised action plan'),
      ('activity-started', 'Aktivitet påbörjad', 'Activity started'), ('activity-completed', 'Aktivitet avslutad', 'Activity completed'), ('follow-up-held', 'Uppföljning', 'Follow-up'),
      ('participant-referred', 'Remiss', 'Referral'), ('transfer-requested', 'Överlämning begärd', 'Handover requested'), ('transfer-accepted', 'Överlämning mottagen', 'Handover accepted'),
      ('transfer-rejected', 'Överlämning avvisad', 'Handover rejected'), ('consent-given', 'Samtycke', 'Consent given'), ('consent-withdrawn', 'Samtycke återkallat', 'Consent withdrawn'),
      ('participation-paused', 'Paus', 'Paused'), ('participation-resumed', 'Återupptaget', 'Resumed'), ('participant-exited', 'Avslut', 'Exit'),
      ('post-exit-follow-up-recorded', 'Uppföljning efter avslut', 'Follow-up after exit'), ('survey-answered', 'Enkätsvar', 'Survey answer'), ('correction-recorded', 'Rättelse', 'Correction'),
      ('personal-data-erased', 'Personuppgifter raderade', 'Personal data erased'), ('plan-deadline-missed', 'Handlingsplan försenad', 'Action plan deadline missed'),
      ('post-exit-follow-up-deadline-missed', 'Uppföljning efter avslut försenad', 'Post-exit follow-up deadline missed')]
for k, sv, en in EV:
    m('event.' + k, sv, en)

extra = os.path.join(here, 'more.py')
if os.path.exists(extra):
    exec(open(extra, encoding='utf-8').read())

for i, lang in enumerate(['sv', 'en']):
    with open(os.path.join(out, 'messages_%s.properties' % lang), 'w', encoding='utf-8') as f:
        f.write('# Generated by src/main/i18n/generate.py; edit the table there.\n')
        for k in sorted(T):
            v = T[k][i].replace("'", "''") if '{' in T[k][i] else T[k][i]
            f.write('%s=%s\n' % (k, v))
with open(os.path.join(out, 'messages.properties'), 'w', encoding='utf-8') as f:
    f.write('# Deliberately empty: every text is in messages_sv and messages_en (see src/main/i18n/generate.py).\n')
