/**
 * Campaign tracking requests and what insprl reports of a campaign.
 */
@NullMarked
package com.insprl.whatsapp.campaign;

import org.jspecify.annotations.NullMarked;
