== defective
Juridyske grûnslach
Neffens art. 7:17 BW moat it produkt de eigenskippen hawwe dy't ik op grûn fan de oerienkomst ferwachtsje mei, ek foar normaal gebrûk. Dit rjocht hat gjin fêste termyn: it produkt moat sa lang meigean as ik reedlikerwize ferwachtsje mei. Dizze brief is myn melding neffens art. 7:23 BW; in melding binnen twa moanne nei't ik it gebrek fûn haw, is op 'e tiid. Ik haw rjocht op reparaasje of ferfanging (art. 7:21, 7:22 BW), binnen in reedlike termyn en sûnder slimme oerlêst foar my (art. 7:21 lid 3 BW), en oars op ûntbining fan de oerienkomst of priisferleging.
== damaged
Juridyske grûnslach
Neffens art. 7:17 BW moat it produkt de eigenskippen hawwe dy't ik op grûn fan de oerienkomst ferwachtsje mei, ek foar normaal gebrûk. Dit rjocht hat gjin fêste termyn: it produkt moat sa lang meigean as ik reedlikerwize ferwachtsje mei. Dizze brief is myn melding neffens art. 7:23 BW; in melding binnen twa moanne nei't ik it gebrek fûn haw, is op 'e tiid. Ik haw rjocht op reparaasje of ferfanging (art. 7:21, 7:22 BW), binnen in reedlike termyn en sûnder slimme oerlêst foar my (art. 7:21 lid 3 BW), en oars op ûntbining fan de oerienkomst of priisferleging.
== wrong-item
Juridyske grûnslach
Neffens art. 7:17 BW moat it produkt de eigenskippen hawwe dy't ik op grûn fan de oerienkomst ferwachtsje mei, ek foar normaal gebrûk. Dit rjocht hat gjin fêste termyn: it produkt moat sa lang meigean as ik reedlikerwize ferwachtsje mei. Dizze brief is myn melding neffens art. 7:23 BW; in melding binnen twa moanne nei't ik it gebrek fûn haw, is op 'e tiid. Ik haw rjocht op reparaasje of ferfanging (art. 7:21, 7:22 BW), binnen in reedlike termyn en sûnder slimme oerlêst foar my (art. 7:21 lid 3 BW), en oars op ûntbining fan de oerienkomst of priisferleging.
== not-received
== late-delivery
== billing
== refund-missing
== appeal
== escalation
