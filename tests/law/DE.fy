== defective
Juridyske grûnslach
Neffens §§ 434, 437, 439 BGB (Dútsk Boargerlik Wetboek) haw ik earst rjocht derop dat de ferkeaper de oerienkomst neikomt troch reparaasje of ferfanging, nei myn kar. Dat moat barre binnen in reedlike termyn nei't ik jo oer it gebrek ynformearre haw en sûnder slimme oerlêst foar my (§ 475 Abs. 5 BGB). Nei dy termyn kin ik de oerienkomst ûntbine sûnder in termyn te stellen (§ 475d Abs. 1 BGB), of de priis ferleegje. Fan in gebrek dat binnen ien jier nei de levering bliken docht, wurdt oannommen dat it der by de levering al wie (§ 477 Abs. 1 BGB); myn easken ferjierre twa jier nei de levering (§ 438 Abs. 1 Nr. 3, § 475e BGB).
== damaged
Juridyske grûnslach
Neffens §§ 434, 437, 439 BGB (Dútsk Boargerlik Wetboek) haw ik earst rjocht derop dat de ferkeaper de oerienkomst neikomt troch reparaasje of ferfanging, nei myn kar. Dat moat barre binnen in reedlike termyn nei't ik jo oer it gebrek ynformearre haw en sûnder slimme oerlêst foar my (§ 475 Abs. 5 BGB). Nei dy termyn kin ik de oerienkomst ûntbine sûnder in termyn te stellen (§ 475d Abs. 1 BGB), of de priis ferleegje. Fan in gebrek dat binnen ien jier nei de levering bliken docht, wurdt oannommen dat it der by de levering al wie (§ 477 Abs. 1 BGB); myn easken ferjierre twa jier nei de levering (§ 438 Abs. 1 Nr. 3, § 475e BGB). It risiko is pas op my oergien doe't it guod oan my oerlange waard (§ 475 Abs. 2, § 446 BGB).
== wrong-item
Juridyske grûnslach
Neffens §§ 434, 437, 439 BGB (Dútsk Boargerlik Wetboek) haw ik earst rjocht derop dat de ferkeaper de oerienkomst neikomt troch reparaasje of ferfanging, nei myn kar. Dat moat barre binnen in reedlike termyn nei't ik jo oer it gebrek ynformearre haw en sûnder slimme oerlêst foar my (§ 475 Abs. 5 BGB). Nei dy termyn kin ik de oerienkomst ûntbine sûnder in termyn te stellen (§ 475d Abs. 1 BGB), of de priis ferleegje. Fan in gebrek dat binnen ien jier nei de levering bliken docht, wurdt oannommen dat it der by de levering al wie (§ 477 Abs. 1 BGB); myn easken ferjierre twa jier nei de levering (§ 438 Abs. 1 Nr. 3, § 475e BGB).
== not-received
== late-delivery
== billing
== refund-missing
== appeal
== escalation
