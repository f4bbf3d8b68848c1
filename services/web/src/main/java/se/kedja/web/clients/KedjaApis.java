package se.kedja.web.clients;

import org.springframework.web.client.RestClient;

/** The three services, each called as the current user. */
public record KedjaApis(RestClient cases, RestClient progress, RestClient audit, RestClient progressStream) {

}
